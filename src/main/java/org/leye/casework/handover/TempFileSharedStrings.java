package org.leye.casework.handover;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;
import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The shared-strings table of an .xlsx file kept in a temporary file rather than on the heap, so
 * that reading a hand-over of 100,000 rows takes no more heap than one of 1,000: POI's own
 * {@code ReadOnlySharedStringsTable} holds every string in a list, and in a hand-over nearly every
 * cell (names, ID numbers, phones) is a string of its own.
 *
 * <p>The table is read once with SAX; each string's text (its runs, without phonetic runs, as POI
 * reads it) is written to a data file and its end offset to an index file of fixed-width entries,
 * and {@link #getItemAt} reads both back by position. The strings are personal data, so the data
 * file is encrypted (AES-CTR, one counter block per string) with a key that lives only in this
 * object; both files are deleted on {@link #close}.
 */
final class TempFileSharedStrings implements SharedStrings, Closeable {

    private final Path dataPath;
    private final Path indexPath;
    private final SecretKey key;
    private final byte[] nonce = new byte[4];
    private FileChannel data;
    private FileChannel index;
    private Window dataWindow;
    private Window indexWindow;
    private int count;
    private final Cipher cipher;

    private TempFileSharedStrings(Path directory) throws IOException {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(128);
            key = generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
        new SecureRandom().nextBytes(nonce);
        try {
            cipher = Cipher.getInstance("AES/CTR/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR is not available", e);
        }
        dataPath = directory == null ? Files.createTempFile("leye-sst", ".bin")
                : Files.createTempFile(directory, "leye-sst", ".bin");
        indexPath = directory == null ? Files.createTempFile("leye-sst", ".idx")
                : Files.createTempFile(directory, "leye-sst", ".idx");
    }

    /** Reads the package's shared-strings part (none: an empty table) into temporary files. */
    static TempFileSharedStrings of(OPCPackage pkg) throws IOException, SAXException, ParserConfigurationException {
        return of(pkg, null);
    }

    /** The same, its files in {@code directory} (null: the system's temporary directory). */
    static TempFileSharedStrings of(OPCPackage pkg, Path directory)
            throws IOException, SAXException, ParserConfigurationException {
        TempFileSharedStrings table = new TempFileSharedStrings(directory);
        try {
            List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
            try (DataOutputStream dataOut = new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(table.dataPath), 64 * 1024));
                    DataOutputStream indexOut = new DataOutputStream(new BufferedOutputStream(
                            Files.newOutputStream(table.indexPath), 64 * 1024))) {
                indexOut.writeLong(0);
                if (!parts.isEmpty()) {
                    try (InputStream in = parts.get(0).getInputStream()) {
                        table.load(in, dataOut, indexOut);
                    }
                }
            }
            table.data = FileChannel.open(table.dataPath, StandardOpenOption.READ);
            table.index = FileChannel.open(table.indexPath, StandardOpenOption.READ);
            table.dataWindow = new Window(table.data);
            table.indexWindow = new Window(table.index);
            return table;
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            table.close();
            throw e;
        }
    }

    private void load(InputStream in, DataOutputStream dataOut, DataOutputStream indexOut)
            throws IOException, SAXException, ParserConfigurationException {
        long[] written = { 0 };
        XMLReader parser = SAXHelper.newXMLReader();
        parser.setContentHandler(new DefaultHandler() {
            private final StringBuilder text = new StringBuilder();
            private boolean inText;
            private int phonetic;

            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                switch (localName) {
                    case "si" -> text.setLength(0);
                    case "rPh" -> phonetic++;
                    case "t" -> inText = phonetic == 0;
                    default -> { }
                }
            }

            @Override
            public void endElement(String uri, String localName, String qName) throws SAXException {
                switch (localName) {
                    case "t" -> inText = false;
                    case "rPh" -> phonetic--;
                    case "si" -> {
                        try {
                            byte[] bytes = crypt(count, text.toString().getBytes(StandardCharsets.UTF_8));
                            dataOut.write(bytes);
                            written[0] += bytes.length;
                            indexOut.writeLong(written[0]);
                            count++;
                        } catch (IOException e) {
                            throw new SAXException(e);
                        }
                    }
                    default -> { }
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (inText) {
                    text.append(ch, start, length);
                }
            }
        });
        parser.parse(new InputSource(in));
    }

    @Override
    public RichTextString getItemAt(int idx) {
        if (idx < 0 || idx >= count) {
            throw new IllegalArgumentException("No shared string " + idx);
        }
        try {
            ByteBuffer offsets = ByteBuffer.wrap(indexWindow.read(8L * idx, 16));
            long start = offsets.getLong();
            long end = offsets.getLong();
            byte[] bytes = dataWindow.read(start, (int) (end - start));
            return new XSSFRichTextString(new String(crypt(idx, bytes), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Shared string " + idx + " unreadable", e);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
        while (into.hasRemaining()) {
            int n = channel.read(into, position + into.position());
            if (n < 0) {
                throw new IOException("Unexpected end of the shared strings");
            }
        }
    }

    /**
     * A window of 64 KiB over a file: a worksheet mostly refers to its strings in the order of the
     * table, so most look-ups are served from the window without a read.
     */
    private static final class Window {
        private static final int SIZE = 64 * 1024;
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(SIZE);
        private long start = -1;

        Window(FileChannel channel) {
            this.channel = channel;
        }

        byte[] read(long position, int length) throws IOException {
            byte[] out = new byte[length];
            if (length > SIZE) {
                readFully(channel, ByteBuffer.wrap(out), position);
                return out;
            }
            if (start < 0 || position < start || position + length > start + buffer.limit()) {
                buffer.clear();
                long size = channel.size();
                buffer.limit((int) Math.min(SIZE, size - position));
                readFully(channel, buffer, position);
                buffer.flip();
                start = position;
            }
            buffer.get((int) (position - start), out);
            return out;
        }
    }

    /** AES-CTR with the string's own counter block (nonce, index, block): encrypts and decrypts alike. */
    private byte[] crypt(int idx, byte[] bytes) {
        if (bytes.length == 0) {
            return bytes;
        }
        byte[] iv = ByteBuffer.allocate(16).put(nonce).putInt(idx).putLong(0).array();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
            return cipher.doFinal(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR is not available", e);
        }
    }

    @Override
    public int getCount() {
        return count;
    }

    @Override
    public int getUniqueCount() {
        return count;
    }

    @Override
    public void close() throws IOException {
        try (Closeable d = data; Closeable i = index) {
            // closed by the try
        } finally {
            Files.deleteIfExists(dataPath);
            Files.deleteIfExists(indexPath);
        }
    }
}
