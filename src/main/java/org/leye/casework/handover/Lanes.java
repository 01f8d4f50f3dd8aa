package org.leye.casework.handover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.handover.HandoverRowParser.ParsedRow;

/**
 * Splits a batch of rows into lanes that may be registered side by side. Rows that share a
 * {@linkplain GraduateRegistry#duplicateKeys duplicate key} (ID number, folded name with birth date,
 * phone) are in one lane, in file order, so that the later one finds the earlier as its duplicate
 * (certain or probable) exactly as it would one row after another; everything else is spread so
 * that the lanes hold about as many rows each.
 */
final class Lanes {

    private Lanes() {
    }

    /** At most {@code lanes} non-empty lanes; each keeps its rows in file order. */
    static List<List<ParsedRow>> split(List<ParsedRow> rows, int lanes) {
        if (lanes <= 1 || rows.size() <= 1) {
            return List.of(rows);
        }
        // rows that share a key are one group (union-find over row indexes)
        int[] parent = new int[rows.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        Map<String, Integer> firstWithKey = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            ParsedRow r = rows.get(i);
            if (!r.valid()) {
                continue; // a rejected row registers nothing
            }
            for (String key : GraduateRegistry.duplicateKeys(r.command())) {
                Integer other = firstWithKey.putIfAbsent(key, i);
                if (other != null) {
                    parent[find(parent, i)] = find(parent, other);
                }
            }
        }
        // the largest groups first, each to the lane with the fewest rows so far
        Map<Integer, Integer> groupSize = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            groupSize.merge(find(parent, i), 1, Integer::sum);
        }
        List<Map.Entry<Integer, Integer>> groups = new ArrayList<>(groupSize.entrySet());
        groups.sort(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        int[] load = new int[lanes];
        Map<Integer, Integer> laneOfGroup = new HashMap<>();
        for (Map.Entry<Integer, Integer> g : groups) {
            int lightest = 0;
            for (int l = 1; l < lanes; l++) {
                if (load[l] < load[lightest]) {
                    lightest = l;
                }
            }
            laneOfGroup.put(g.getKey(), lightest);
            load[lightest] += g.getValue();
        }
        List<List<ParsedRow>> split = new ArrayList<>(lanes);
        for (int l = 0; l < lanes; l++) {
            split.add(new ArrayList<>());
        }
        for (int i = 0; i < rows.size(); i++) {
            split.get(laneOfGroup.get(find(parent, i))).add(rows.get(i));
        }
        split.removeIf(List::isEmpty);
        return split;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
