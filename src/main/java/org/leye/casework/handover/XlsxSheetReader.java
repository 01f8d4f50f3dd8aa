package org.leye.casework.handover;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipInputStreamZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first worksheet of an .xlsx file with Apache POI's event (SAX) API: rows are streamed, the
 * worksheet is never built in memory, and the shared-strings table is kept in an encrypted
 * temporary file ({@link TempFileSharedStrings}), so the heap does not grow with the file.
 *
 * <p>The file comes as a stream (it is decrypted from an {@link EncryptedTempFile} as it is read), so
 * the package is opened with {@link OPCPackage#open(InputStream)}, which inflates each part once;
 * every part goes to one of POI's own temporary files, encrypted with a key of its own
 * ({@link ZipInputStreamZipEntrySource#setEncryptTempFiles}), never onto the heap nor to disk in
 * clear, in a directory of this read's own that is deleted when the package is let go, however the
 * read ends. The threshold and the encryption are settings of POI for the whole JVM.
 *
 * <ul>
 *   <li>Merged cells: a first pass reads only the {@code mergeCell} ranges (at most
 *       {@link SheetLimits#MAX_MERGED_REGIONS}); every cell of a range then reads as the value of its
 *       top-left cell (a school or district merged down a block). The ranges are looked up by row,
 *       sorted by their first row with those across the current row swept down the sheet, so that a
 *       row costs the ranges across it, not every range of the sheet.</li>
 *   <li>Cells: at most {@link SheetLimits#MAX_CELLS_PER_ROW} non-blank cells a row, none beyond column
 *       {@link SheetLimits#MAX_COLUMNS}; blank ones beyond it are dropped.</li>
 *   <li>Dates: a cell formatted as a date reads as {@code yyyy-MM-dd}; other numbers read as
 *       plain digits, except those beyond Excel's 15 significant digits, which read in the
 *       scientific form Excel shows ({@code 4.40703199901011E17}) so that a mangled ID number is
 *       recognised and refused.</li>
 *   <li>Zip bombs: POI's {@link ZipSecureFile} refuses entries that inflate more than 100 times
 *       or beyond {@link #MAX_ENTRY_SIZE}; both become a 400 refusing the file.</li>
 * </ul>
 */
final class XlsxSheetReader implements SheetReader {

    private static final Logger log = LoggerFactory.getLogger(XlsxSheetReader.class);

    /** The largest inflated part accepted: a 100,000-row sheet is about 60 MB of XML. */
    static final long MAX_ENTRY_SIZE = 256L * 1024 * 1024;

    private final Path directory;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
        // the package is read from a stream (the decrypted copy of the file): every part is inflated
        // once into a temporary file of POI's, encrypted with a key of its own, rather than onto the heap
        ZipInputStreamZipEntrySource.setThresholdBytesForTempFiles(0);
        ZipInputStreamZipEntrySource.setEncryptTempFiles(true);
    }

    /** Temporary files in the system's temporary directory. */
    XlsxSheetReader() {
        this(null);
    }

    /** Temporary files (the package's parts, the shared strings) in {@code directory}; null for the system's. */
    XlsxSheetReader(Path directory) {
        this.directory = directory;
    }

    @Override
    public void read(InputStream content, RowSink sink) throws IOException {
        // POI's temporary files of this package's parts in a directory of their own, deleted whatever
        // happens: a package refused half-way through inflating (a zip bomb) leaves no part behind
        Path parts = directory == null ? Files.createTempDirectory("leye-xlsx-")
                : Files.createTempDirectory(directory, "leye-xlsx-");
        OPCPackage pkg = null;
        try {
            pkg = open(content, parts);
            read(pkg, sink, directory);
        } catch (SAXException | OpenXML4JException | ParserConfigurationException | NotOfficeXmlFileException
                | RecordFormatException e) {
            throw refused(e);
        } catch (IOException e) {
            if (isZipBomb(e)) {
                throw HandoverFileException.of("problem.handover.zipBomb");
            }
            throw refused(e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            if (isZipBomb(e)) {
                throw HandoverFileException.of("problem.handover.zipBomb");
            }
            throw refused(e);
        } finally {
            if (pkg != null) {
                pkg.revert(); // nothing to save: closes the parts, deleting their temporary files
            }
            deleteAll(parts);
        }
    }

    /** Opens the package read from {@code content}, POI's temporary files for its parts in {@code parts}. */
    private static OPCPackage open(InputStream content, Path parts) throws IOException {
        try {
            return TempFile.withStrategy(new DefaultTempFileCreationStrategy(parts.toFile()), () -> {
                try {
                    return OPCPackage.open(content);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InvalidFormatException e) {
                    throw refused(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void deleteAll(Path parts) {
        try (Stream<Path> files = Files.walk(parts)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete the temporary files of an .xlsx package ({}): they are encrypted with keys now gone",
                    e.getClass().getSimpleName());
        }
    }

    private static void read(OPCPackage pkg, RowSink sink, Path directory)
            throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        XSSFReader reader = new XSSFReader(pkg);
        StylesTable styles = reader.getStylesTable();
        MergedRegions merged;
        try (InputStream sheet = firstSheet(reader)) {
            merged = mergedRegions(sheet);
        }
        try (TempFileSharedStrings strings = TempFileSharedStrings.of(pkg, directory);
                InputStream sheet = firstSheet(reader)) {
            Rows rows = new Rows(sink, merged);
            XMLReader parser = SAXHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new PlainFormatter(), false));
            try {
                parser.parse(new InputSource(sheet));
            } catch (Stop stop) {
                // the sink asked to stop
            }
        }
    }

    private static RuntimeException refused(Exception e) {
        if (isZipBomb(e)) {
            return HandoverFileException.of("problem.handover.zipBomb");
        }
        return HandoverFileException.of("problem.handover.unreadable");
    }

    /** POI reports a zip bomb as an IOException whose message (or a cause's) says so. */
    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb") || message.contains("MAX_ENTRY_SIZE")
                    || message.contains("ZipSecureFile"))) {
                return true;
            }
        }
        return false;
    }

    private static InputStream firstSheet(XSSFReader reader) throws IOException, OpenXML4JException {
        Iterator<InputStream> sheets = reader.getSheetsData();
        if (!sheets.hasNext()) {
            throw HandoverFileException.of("problem.handover.noSheet");
        }
        return sheets.next();
    }

    /**
     * Only the {@code <mergeCell ref="A1:K1"/>} elements of a sheet; more than
     * {@link SheetLimits#MAX_MERGED_REGIONS} refuse the file as soon as they are counted.
     */
    private static MergedRegions mergedRegions(InputStream sheet)
            throws IOException, SAXException, ParserConfigurationException {
        List<CellRangeAddress> regions = new ArrayList<>();
        XMLReader parser = SAXHelper.newXMLReader();
        parser.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes) {
                if ("mergeCell".equals(localName)) {
                    String ref = attributes.getValue("ref");
                    if (ref != null && ref.contains(":")) {
                        if (regions.size() >= SheetLimits.MAX_MERGED_REGIONS) {
                            throw SheetLimits.tooManyMergedRegions();
                        }
                        regions.add(CellRangeAddress.valueOf(ref));
                    }
                }
            }
        });
        parser.parse(new InputSource(sheet));
        return new MergedRegions(regions);
    }

    /** A merged region, its columns cut at {@link SheetLimits#MAX_COLUMNS}, and its top-left cell's value once read. */
    private static final class Region {
        final int firstRow;
        final int lastRow;
        final int firstColumn;
        final int lastColumn;
        String value;

        Region(CellRangeAddress range) {
            firstRow = range.getFirstRow();
            lastRow = range.getLastRow();
            firstColumn = range.getFirstColumn();
            lastColumn = Math.min(range.getLastColumn(), SheetLimits.MAX_COLUMNS - 1);
        }

        int width() {
            return lastColumn - firstColumn + 1;
        }
    }

    /**
     * The merged regions looked up by row as the rows come, in order: the regions sorted by their
     * first row, and those covering the current row kept aside as the active ones. Regions never
     * overlap in a sheet that Excel wrote, so the active ones are at most
     * {@link SheetLimits#MAX_COLUMNS} cells wide together; a file whose active regions are wider
     * (overlapping ones) is refused rather than filled cell by cell over and over.
     */
    private static final class MergedRegions {
        private final List<Region> byFirstRow = new ArrayList<>();
        private final Map<Long, Region> byTopLeft = new HashMap<>();
        private final List<Region> active = new ArrayList<>();
        private int next;
        private int activeWidth;

        MergedRegions(List<CellRangeAddress> ranges) {
            for (CellRangeAddress range : ranges) {
                Region region = new Region(range);
                if (region.firstRow >= 0 && region.firstColumn >= 0 && region.firstRow <= region.lastRow
                        && region.firstColumn <= region.lastColumn) {
                    byFirstRow.add(region);
                    byTopLeft.put(key(region.firstRow, region.firstColumn), region);
                }
            }
            byFirstRow.sort(Comparator.comparingInt((Region r) -> r.firstRow));
        }

        private static long key(int row, int column) {
            return ((long) row << 32) | (column & 0xFFFFFFFFL);
        }

        /** Makes the regions across {@code row} the active ones. */
        void startRow(int row) {
            for (Iterator<Region> it = active.iterator(); it.hasNext();) {
                Region region = it.next();
                if (region.lastRow < row) {
                    it.remove();
                    activeWidth -= region.width();
                }
            }
            while (next < byFirstRow.size() && byFirstRow.get(next).firstRow <= row) {
                Region region = byFirstRow.get(next++);
                if (region.lastRow >= row) {
                    active.add(region);
                    activeWidth += region.width();
                    if (activeWidth > SheetLimits.MAX_COLUMNS) {
                        throw HandoverFileException.of("problem.handover.unreadable"); // overlapping regions
                    }
                }
            }
        }

        /** Remembers a cell's value when it is the top-left cell of a region. */
        void cell(int row, int column, String value) {
            if (!byTopLeft.isEmpty()) {
                Region region = byTopLeft.get(key(row, column));
                if (region != null) {
                    region.value = value;
                }
            }
        }

        /** The regions across the current row. */
        List<Region> active() {
            return active;
        }
    }

    /** Collects the cells of each row and hands complete rows to the sink. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowSink sink;
        private final MergedRegions merged;
        private List<String> cells = new ArrayList<>();
        private int nonBlank;

        Rows(RowSink sink, MergedRegions merged) {
            this.sink = sink;
            this.merged = merged;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
            nonBlank = 0;
            merged.startRow(rowNum);
        }

        @Override
        public void endRow(int rowNum) {
            // a blank row stays blank even inside a region merged down over it
            if (!HandoverRowParser.blank(cells)) {
                for (Region region : merged.active()) {
                    if (region.value != null) {
                        for (int col = region.firstColumn; col <= region.lastColumn; col++) {
                            if (rowNum != region.firstRow || col != region.firstColumn) {
                                set(col, region.value);
                            }
                        }
                    }
                }
            }
            if (!sink.row(rowNum + 1, cells)) {
                throw new Stop();
            }
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            CellReference ref = new CellReference(cellReference);
            int row = ref.getRow();
            int col = ref.getCol();
            if (formattedValue != null && !formattedValue.isBlank()) {
                SheetLimits.nonBlankCell(row + 1, col, ++nonBlank);
            } else if (col >= SheetLimits.MAX_COLUMNS) {
                return; // a blank cell far to the right: dropped
            }
            set(col, formattedValue);
            merged.cell(row, col, formattedValue);
        }

        private void set(int col, String value) {
            while (cells.size() <= col) {
                cells.add("");
            }
            cells.set(col, value == null ? "" : value);
        }
    }

    /** Thrown through the SAX parser to stop reading early. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** Dates as ISO dates, numbers as plain digits, no display formatting. */
    static final class PlainFormatter extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            return plain(value);
        }

        static String plain(double value) {
            if (Math.abs(value) >= 1e15) {
                return Double.toString(value);
            }
            if (value == Math.rint(value)) {
                return Long.toString((long) value);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
