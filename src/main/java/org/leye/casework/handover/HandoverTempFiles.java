package org.leye.casework.handover;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where the hand-over's temporary copies of a file are made: {@link EncryptedTempFile}s in the
 * system's temporary directory ({@code java.io.tmpdir}), never a file in clear.
 */
@Component
class HandoverTempFiles {

    private static final Logger log = LoggerFactory.getLogger(HandoverTempFiles.class);

    private final Path directory;

    HandoverTempFiles() {
        this(null);
    }

    /** In {@code directory} (tests); null for the system's temporary directory. */
    HandoverTempFiles(Path directory) {
        this.directory = directory;
    }

    EncryptedTempFile create(String prefix) throws IOException {
        Path file = directory == null ? Files.createTempFile(prefix, ".enc") : Files.createTempFile(directory, prefix, ".enc");
        return new EncryptedTempFile(file, this);
    }

    /**
     * Deletes a file once its holder is done with it. A file that cannot be deleted is only logged:
     * its key is gone with its holder, and a hand-over is not failed for it.
     */
    void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete a hand-over's temporary file ({}): its content is encrypted with a key now gone",
                    e.getClass().getSimpleName());
        }
    }
}
