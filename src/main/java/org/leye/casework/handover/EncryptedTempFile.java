package org.leye.casework.handover;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

/**
 * A temporary file whose bytes are encrypted on disk, as {@link TempFileSharedStrings} keeps the
 * shared strings: AES-CTR with a random key and counter that live only in this object, so that what
 * is left on disk (a crash, a copy of the disk) cannot be read once the object is gone. It holds a
 * hand-over file, full of ID numbers, phones and names: the upload while it is checked, or the
 * stored file while its rows are processed. Written once through {@link #output()}, read any number
 * of times through {@link #input()} (CTR needs no padding: the file is exactly as long as its
 * content), deleted on {@link #close()}.
 */
final class EncryptedTempFile implements Closeable {

    private static final int BUFFER = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path path;
    private final HandoverTempFiles owner;
    private final SecretKey key;
    private final byte[] counter = new byte[16];
    private boolean written;

    EncryptedTempFile(Path path, HandoverTempFiles owner) {
        this.path = path;
        this.owner = owner;
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(128);
            this.key = generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
        RANDOM.nextBytes(counter);
    }

    /** The stream to write the content through, once: a second would encrypt with the same key stream. */
    OutputStream output() throws IOException {
        if (written) {
            throw new IllegalStateException("A temporary file is written once");
        }
        written = true;
        return new CipherOutputStream(new BufferedOutputStream(Files.newOutputStream(path), BUFFER),
                cipher(Cipher.ENCRYPT_MODE));
    }

    /** The content, decrypted as it is read. */
    InputStream input() throws IOException {
        return new BufferedInputStream(new CipherInputStream(new BufferedInputStream(Files.newInputStream(path), BUFFER),
                cipher(Cipher.DECRYPT_MODE)), BUFFER);
    }

    private Cipher cipher(int mode) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(mode, key, new IvParameterSpec(counter));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR is not available", e);
        }
    }

    /** Deletes the file; its key goes with this object. */
    @Override
    public void close() {
        owner.delete(path);
    }
}
