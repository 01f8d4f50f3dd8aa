package org.leye.casework.graduates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.leye.casework.shared.crypto.PersonalDataCipher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the probable duplicates of a graduate being registered. Candidates come from two indexed
 * look-ups (the keyed hash of the folded name and birth date; phone hash), so at most a few rows are read; only their ID
 * numbers are decrypted, in memory, and compared: at most {@value #MAX_ID_DISTANCE} characters
 * apart, a swap of two adjacent characters counting as one. An ID number with one wrong digit
 * that still passes the check digit differs in two places (the digit and the check character),
 * and so does a swap; two different people with the same name rarely come this close.
 */
@Component
class DuplicateFinder {

    static final int MAX_ID_DISTANCE = 2;
    static final int MAX_CANDIDATES = 100;

    private final Graduates graduates;
    private final PersonalDataCipher cipher;
    private final JdbcTemplate jdbc;

    DuplicateFinder(Graduates graduates, PersonalDataCipher cipher, JdbcTemplate jdbc) {
        this.graduates = graduates;
        this.cipher = cipher;
        this.jdbc = jdbc;
    }

    record Match(Long existingId, String reason, int idDistance) {
    }

    /** The columns of a registered graduate that the comparison needs. */
    record Candidate(Long id, String name, String nameFold, String phoneHash, String idNumberEnc) {
    }

    /** The graduate already registered with the same ID number, if any, and the probable duplicates. */
    record Lookup(Optional<Long> sameIdNumber, List<Match> probable) {
    }

    /**
     * One round trip for a registration: the exact ID number (unique index), then the candidates by
     * keyed hash of the folded name and birth date (ix_graduate_name_birth_hash) and by phone (ix_graduate_phone_hash),
     * at most {@value #MAX_CANDIDATES} of each. Runs on the transaction's connection before the
     * insert, so that there is nothing to flush and the new row cannot match itself.
     */
    private static final String LOOKUP = "(select 'I' as k, id, name, name_fold, phone_hash, id_number_enc from graduate"
            + " where id_number_hash = ?)"
            + " union all (select 'B', id, name, name_fold, phone_hash, id_number_enc from graduate"
            + " where name_birth_hash = ? and merged_into is null limit " + MAX_CANDIDATES + ")"
            + " union all (select 'P', id, name, name_fold, phone_hash, id_number_enc from graduate"
            + " where phone_hash = ? and merged_into is null limit " + MAX_CANDIDATES + ")";

    /**
     * What {@code graduate.name_birth_hash} is the keyed hash of: the folded name and the birth date.
     * Held in memory only.
     */
    static String nameBirth(String nameFold, LocalDate birthDate) {
        return nameFold + '\u001F' + birthDate;
    }

    Lookup lookup(String idNumberHash, String nameFold, String nameBirthHash, String phoneHash, String idNumber) {
        Long[] same = { null };
        Map<Long, Candidate> candidates = new LinkedHashMap<>();
        Set<Long> sameBirth = new HashSet<>();
        Set<Long> samePhone = new HashSet<>();
        jdbc.query(LOOKUP, rs -> {
            Candidate g = new Candidate(rs.getLong("id"), rs.getString("name"), rs.getString("name_fold"),
                    rs.getString("phone_hash"), rs.getString("id_number_enc"));
            switch (rs.getString("k")) {
                case "I" -> same[0] = g.id();
                case "B" -> {
                    candidates.putIfAbsent(g.id(), g);
                    sameBirth.add(g.id());
                }
                default -> {
                    if (nameFold.equals(g.nameFold()) || nameFold.equals(NameFold.of(g.name()))) {
                        candidates.putIfAbsent(g.id(), g);
                        samePhone.add(g.id());
                    }
                }
            }
        }, idNumberHash, nameBirthHash, phoneHash);
        if (same[0] != null) {
            return new Lookup(Optional.of(same[0]), List.of());
        }
        return new Lookup(Optional.empty(), compare(candidates.values(), sameBirth, samePhone, phoneHash, idNumber, null));
    }

    private List<Match> compare(Collection<Candidate> candidates, Set<Long> sameBirth, Set<Long> samePhone,
            String phoneHash, String idNumber, Long selfId) {
        List<Match> matches = new ArrayList<>();
        for (Candidate g : candidates) {
            if (g.id().equals(selfId)) {
                continue;
            }
            int distance = distance(idNumber, cipher.decrypt(g.idNumberEnc(), Graduate.ID_NUMBER_COLUMN));
            if (distance <= MAX_ID_DISTANCE) {
                boolean birth = sameBirth.contains(g.id());
                boolean phone = samePhone.contains(g.id()) || (phoneHash != null && phoneHash.equals(g.phoneHash()));
                String reason = birth && phone ? "NAME_BIRTH_DATE_PHONE" : birth ? "NAME_BIRTH_DATE" : "NAME_PHONE";
                matches.add(new Match(g.id(), reason, distance));
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
