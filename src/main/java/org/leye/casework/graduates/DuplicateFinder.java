package org.leye.casework.graduates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.leye.casework.shared.crypto.PersonalDataCipher;
import org.springframework.stereotype.Component;

/**
 * Finds the probable duplicates of a graduate being registered. Candidates come from two indexed
 * look-ups (folded name and birth date; phone hash), so at most a few rows are read; only their ID
 * numbers are decrypted, in memory, and compared: at most {@value #MAX_ID_DISTANCE} characters
 * apart, a swap of two adjacent characters counting as one. An ID number with one wrong digit
 * that still passes the check digit differs in two places (the digit and the check character),
 * and so does a swap; two different people with the same name rarely come this close.
 */
@Component
class DuplicateFinder {

    static final int MAX_ID_DISTANCE = 2;

    private final Graduates graduates;
    private final PersonalDataCipher cipher;

    DuplicateFinder(Graduates graduates, PersonalDataCipher cipher) {
        this.graduates = graduates;
        this.cipher = cipher;
    }

    record Match(Long existingId, String reason, int idDistance) {
    }

    List<Match> find(Graduate fresh, String idNumber) {
        Map<Long, Graduate> candidates = new LinkedHashMap<>();
        Map<Long, Boolean> sameBirth = new LinkedHashMap<>();
        for (Graduate g : graduates.findTop100ByNameFoldAndBirthDateAndMergedIntoIsNull(fresh.getNameFold(),
                fresh.getBirthDate())) {
            candidates.put(g.getId(), g);
            sameBirth.put(g.getId(), true);
        }
        Map<Long, Boolean> samePhone = new LinkedHashMap<>();
        if (fresh.getPhoneHash() != null) {
            for (Graduate g : graduates.findTop100ByPhoneHashAndMergedIntoIsNull(fresh.getPhoneHash())) {
                if (fresh.getNameFold().equals(g.getNameFold()) || fresh.getNameFold().equals(NameFold.of(g.getName()))) {
                    candidates.putIfAbsent(g.getId(), g);
                    samePhone.put(g.getId(), true);
                }
            }
        }
        List<Match> matches = new ArrayList<>();
        for (Graduate g : candidates.values()) {
            if (g.getId().equals(fresh.getId())) {
                continue;
            }
            int distance = distance(idNumber, cipher.decrypt(g.getIdNumberEnc()));
            if (distance <= MAX_ID_DISTANCE) {
                boolean birth = sameBirth.containsKey(g.getId());
                boolean phone = samePhone.containsKey(g.getId())
                        || (fresh.getPhoneHash() != null && fresh.getPhoneHash().equals(g.getPhoneHash()));
                String reason = birth && phone ? "NAME_BIRTH_DATE_PHONE" : birth ? "NAME_BIRTH_DATE" : "NAME_PHONE";
                matches.add(new Match(g.getId(), reason, distance));
            }
        }
        return matches;
    }

    /**
     * The optimal string alignment distance: insertions, deletions, substitutions and swaps of two
     * adjacent characters each count one.
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
