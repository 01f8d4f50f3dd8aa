package org.leye.casework.reference;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/**
 * Districts and universities, resolved from a code or from a name in simplified or traditional
 * script (区/區, 会/會 …). The tables are small and change only by migration, so they are cached.
 */
@Service
public class ReferenceData {

    private final Districts districts;
    private final Universities universities;
    private final Map<String, Object> cache = new ConcurrentHashMap<>();

    ReferenceData(Districts districts, Universities universities) {
        this.districts = districts;
        this.universities = universities;
    }

    public List<District> districts() {
        return districtsByCode().values().stream().sorted(Comparator.comparing(District::code)).toList();
    }

    public Optional<District> district(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        String key = normalize(codeOrName);
        return districtsByCode().values().stream()
                .filter(d -> d.code().equals(key) || normalize(d.name()).equals(key)
                        || normalize(d.nameHant()).equals(key))
                .findFirst();
    }

    public Optional<University> university(String codeOrName) {
        if (codeOrName == null || codeOrName.isBlank()) {
            return Optional.empty();
        }
        String key = normalize(codeOrName);
        return universitiesByCode().values().stream()
                .filter(u -> normalize(u.code()).equals(key) || normalize(u.name()).equals(key)
                        || normalize(u.nameHant()).equals(key))
                .findFirst();
    }

    public Collection<University> universities() {
        return universitiesByCode().values();
    }

    /** A university's code and simplified name, found by code or name as {@link #university} finds it. */
    public record UniversityName(String code, String name) {
    }

    /** The university of a code or name as its code and name, for capabilities that keep only the code. */
    public Optional<UniversityName> universityName(String codeOrName) {
        return university(codeOrName).map(u -> new UniversityName(u.code(), u.name()));
    }

    /** Every university of the city's list as its code and name, in code order. */
    public List<UniversityName> universityNames() {
        return universitiesByCode().values().stream().sorted(Comparator.comparing(University::code))
                .map(u -> new UniversityName(u.code(), u.name())).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, District> districtsByCode() {
        return (Map<String, District>) cache.computeIfAbsent("districts",
                k -> districts.findAll().stream().map(DistrictRow::view)
                        .collect(Collectors.toMap(District::code, Function.identity())));
    }

    @SuppressWarnings("unchecked")
    private Map<String, University> universitiesByCode() {
        return (Map<String, University>) cache.computeIfAbsent("universities",
                k -> universities.findAll().stream().map(UniversityRow::view)
                        .collect(Collectors.toMap(University::code, Function.identity())));
    }

    /** Trims, folds full-width brackets and case, and maps traditional characters used in the names to simplified. */
    static String normalize(String s) {
        String t = s.strip().replace('（', '(').replace('）', ')').replace("\u3000", "").toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(t.length());
        for (char c : t.toCharArray()) {
            int i = TRADITIONAL.indexOf(c);
            out.append(i >= 0 ? SIMPLIFIED.charAt(i) : c);
        }
        return out.toString();
    }

    // The traditional characters that occur in the city's district and university names.
    private static final String TRADITIONAL = "區會鶴開門學東廣職業術與醫藥兒師專範郵電長實";
    private static final String SIMPLIFIED = "区会鹤开门学东广职业术与医药儿师专范邮电长实";
}
