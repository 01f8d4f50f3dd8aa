package org.leye.casework.assistance;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of evidence file accepted, each known by its first bytes (magic numbers): the content
 * type a client declares is never trusted alone.
 */
enum EvidenceType {
    PDF("application/pdf", new byte[] { '%', 'P', 'D', 'F', '-' }),
    PNG("image/png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }),
    JPEG("image/jpeg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF });

    private final String mediaType;
    private final byte[] magic;

    EvidenceType(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    String mediaType() {
        return mediaType;
    }

    /** The kind that the content's first bytes show, if one of ours. */
    static Optional<EvidenceType> of(byte[] content) {
        return Arrays.stream(values()).filter(t -> content.length >= t.magic.length
                && Arrays.equals(content, 0, t.magic.length, t.magic, 0, t.magic.length)).findFirst();
    }

    /**
     * Whether a declared content type agrees with this kind: absent or generic
     * ({@code application/octet-stream}) agrees with any; {@code image/jpg} is JPEG too.
     */
    boolean agreesWith(String declared) {
        if (declared == null || declared.isBlank()) {
            return true;
        }
        String type = declared.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return type.equals("application/octet-stream") || type.equals(mediaType)
                || (this == JPEG && type.equals("image/jpg"));
    }

}
