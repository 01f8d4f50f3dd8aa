package org.leye.casework.graduates;

import java.text.CollationKey;
import java.text.Collator;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Sort keys for Chinese names in pinyin order (the zh-CN collator), stored as hex so that the
 * same ORDER BY gives the same order on H2 and on MySQL/MariaDB whatever their collation.
 */
public final class NameSortKeys {

    private static final int MAX_LENGTH = 256;

    private NameSortKeys() {
    }

    /** Collator.getInstance clones the zh-CN rules on each call; a collator is not thread-safe. */
    private static final ThreadLocal<Collator> COLLATOR = ThreadLocal.withInitial(() -> {
        Collator collator = Collator.getInstance(Locale.SIMPLIFIED_CHINESE);
        collator.setStrength(Collator.SECONDARY);
        return collator;
    });

    public static String of(String name) {
        Collator collator = COLLATOR.get();
        CollationKey key = collator.getCollationKey(name.strip());
        String hex = HexFormat.of().formatHex(key.toByteArray());
        return hex.length() > MAX_LENGTH ? hex.substring(0, MAX_LENGTH) : hex;
    }
}
