package org.advising.eligibility.engine.compile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.advising.eligibility.engine.folder.PolicyBounds;
import org.advising.eligibility.engine.folder.RulebaseException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.io.IOUtils;
import org.apache.commons.io.input.BoundedInputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.drools.decisiontable.parser.csv.CsvParser;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

/**
 * One sheet of a decision table file as Drools' own parsers read it (a CSV file is one sheet): its
 * cells, kept to name the cell of a mistake, and the parser's events, replayed to Drools' rule
 * listener once the sheet has been checked.
 */
final class TableSheet implements DataListener {
    private final String name;
    private final TreeMap<Integer, TreeMap<Integer, String>> cells = new TreeMap<>();
    private final List<Runnable> events = new ArrayList<>();
    private List<DataListener> target = List.of();

    TableSheet(String name) {
        this.name = name;
    }

    /** The sheet's name in a workbook; null for a CSV file, which has one unnamed sheet. */
    String name() {
        return name;
    }

    /** Every non-empty cell: by row, then column (both from 0). */
    TreeMap<Integer, TreeMap<Integer, String>> cells() {
        return cells;
    }

    @Override
    public void startSheet(String sheetName) {
        events.add(() -> target.forEach(listener -> listener.startSheet(sheetName)));
    }

    @Override
    public void finishSheet() {
        events.add(() -> target.forEach(DataListener::finishSheet));
    }

    @Override
    public void newRow(int rowNumber, int columns) {
        events.add(() -> target.forEach(listener -> listener.newRow(rowNumber, columns)));
    }

    @Override
    public void newCell(int row, int column, String value, int mergedColStart) {
        if (value != null && !value.isBlank()) {
            cells.computeIfAbsent(row, r -> new TreeMap<>()).put(column, value);
        }
        events.add(() -> target.forEach(listener -> listener.newCell(row, column, value, mergedColStart)));
    }

    void replay(DataListener listener) {
        target = List.of(listener);
        events.forEach(Runnable::run);
        target = List.of();
    }

    Map<Integer, String> row(int row) {
        return cells.getOrDefault(row, new TreeMap<>());
    }

    /** The RuleTables of the sheet, found as Drools finds them: a table ends at the first empty row. */
    List<TableShape> tables() {
        List<TableShape> tables = new ArrayList<>();
        for (Map.Entry<Integer, TreeMap<Integer, String>> row : cells.entrySet()) {
            for (Map.Entry<Integer, String> cell : row.getValue().entrySet()) {
                String value = cell.getValue().trim();
                if (value.toLowerCase(Locale.ROOT).equals("ruletable") || value.toLowerCase(Locale.ROOT).startsWith("ruletable ")) {
                    int start = row.getKey();
                    List<Integer> data = new ArrayList<>();
                    for (int r = start + 5; cells.containsKey(r) && !isTableStart(r); r++) {
                        data.add(r);
                    }
                    tables.add(new TableShape(value.substring("ruletable".length()).trim(), start, cell.getKey(), data));
                }
            }
        }
        return tables;
    }

    private boolean isTableStart(int row) {
        return row(row).values().stream().anyMatch(v -> v.trim().toLowerCase(Locale.ROOT).startsWith("ruletable"));
    }

    TableShape tableOfRow(int row) {
        return tables().stream().filter(table -> table.dataRows().contains(row)).findFirst()
                .orElseGet(() -> tables().get(0));
    }

    /** The one sheet of a CSV table, refused at its line when it is not UTF-8 text of one row per line. */
    static TableSheet csv(String file, byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new RulebaseException(file + ":" + lineOfFirstInvalidByte(content) + ": is not UTF-8 text; save it as \"CSV UTF-8\" "
                    + "(Excel) or with the character set Unicode (UTF-8) (LibreOffice)");
        }
        if (text.startsWith("\uFEFF")) { // Excel's "CSV UTF-8" starts with a byte order mark
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).chars().filter(c -> c == '"').count() % 2 != 0) { // only the first: the lines after it are out of step
                throw new RulebaseException(file + ":" + (i + 1) + ": a quoted cell is not closed on this line; a cell cannot hold a "
                        + "line break (each row of a table is one line)");
            }
        }
        long cells = text.chars().filter(c -> c == ',').count() + lines.size();
        checkShape(file, lines.size(), cells);
        if (!text.contains(",") && text.contains(";")) {
            throw new RulebaseException(file + ":1: its cells are separated by semicolons; save it with commas as the separator");
        }
        TableSheet sheet = new TableSheet(null);
        new CsvParser(sheet, new CsvLineParser()).parseFile(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        return sheet;
    }

    /** The line of the first byte that is not UTF-8 (the decoder's exception does not say where). */
    private static int lineOfFirstInvalidByte(byte[] content) {
        int line = 1;
        String lenient = new String(content, StandardCharsets.UTF_8);
        int bad = lenient.indexOf('\uFFFD');
        for (int i = 0; i < bad; i++) {
            if (lenient.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Every sheet of the workbook that holds a RuleTable cell, in the workbook's order. */
    static List<TableSheet> xlsx(String file, byte[] content) {
        Map<String, List<DataListener>> listeners = new LinkedHashMap<>();
        List<TableSheet> sheets = new ArrayList<>();
        checkWorkbookShape(file, content);
        try {
            Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content));
            for (Sheet sheet : workbook) {
                TableSheet cells = new TableSheet(sheet.getSheetName());
                sheets.add(cells);
                listeners.put(sheet.getSheetName(), List.of(cells));
            }
            new ExcelParser(listeners).parseWorkbook(workbook);
        } catch (IOException | RuntimeException e) {
            throw new RulebaseException(file + ":1: cannot be read as an Excel workbook (.xlsx): "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("")));
        }
        return sheets.stream().filter(sheet -> !sheet.tables().isEmpty()).toList();
    }

    /** Refuses a table of more rows or cells than {@link PolicyBounds} allows, naming the file and the limit. */
    private static void checkShape(String file, long rows, long cells) {
        if (rows > PolicyBounds.MAX_TABLE_ROWS) {
            throw new RulebaseException(file + ":" + (PolicyBounds.MAX_TABLE_ROWS + 1) + ": the table has more than " + PolicyBounds.MAX_TABLE_ROWS
                    + " rows; a decision table may have at most " + PolicyBounds.MAX_TABLE_ROWS + " (split it into several tables)");
        }
        if (cells > PolicyBounds.MAX_TABLE_CELLS) {
            throw new RulebaseException(file + ":1: the table has more than " + PolicyBounds.MAX_TABLE_CELLS + " cells; a decision table may have at most "
                    + PolicyBounds.MAX_TABLE_CELLS + " (split it into several tables)");
        }
    }

    /**
     * Counts a workbook's rows and cells, and the bytes its parts unpack to, as a stream (the zip's
     * own size fields are not trusted), before POI reads it into memory: a small file can hold a
     * table that takes the whole heap to read.
     */
    private static void checkWorkbookShape(String file, byte[] content) {
        long unpacked = 0;
        long rows = 0;
        long cells = 0;
        XMLInputFactory xml = XMLInputFactory.newFactory();
        xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Commons Compress (POI's own zip reader) takes what Excel and POI write, entries with data descriptors included.
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(content), "UTF-8", true, true)) {
            for (ZipArchiveEntry entry = zip.getNextZipEntry(); entry != null; entry = zip.getNextZipEntry()) {
                BoundedInputStream part = BoundedInputStream.builder().setInputStream(zip).setPropagateClose(false)
                        .setMaxCount(PolicyBounds.MAX_WORKBOOK_UNPACKED_BYTES - unpacked + 1)
                        .setOnMaxCount((max, count) -> {
                            throw new RulebaseException(file + ":1: the workbook unpacks to more than " + PolicyBounds.MAX_WORKBOOK_UNPACKED_BYTES
                                    + " bytes; a decision table's workbook may unpack to at most that");
                        }).get();
                if (entry.getName().startsWith("xl/worksheets/") && entry.getName().endsWith(".xml")) {
                    XMLStreamReader reader = xml.createXMLStreamReader(part);
                    while (reader.hasNext()) {
                        if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                            rows += reader.getLocalName().equals("row") ? 1 : 0;
                            cells += reader.getLocalName().equals("c") ? 1 : 0;
                            checkShape(file, rows, cells);
                        }
                    }
                } else {
                    IOUtils.consume(part);
                }
                unpacked += part.getCount();
            }
        } catch (IOException | XMLStreamException e) {
            throw new RulebaseException(file + ":1: cannot be read as an Excel workbook (.xlsx): "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("")));
        }
    }

    /** Where a RuleTable is: its header cell, and the rows of its kinds, code, labels and rules. */
    record TableShape(String name, int row, int column, List<Integer> dataRows) {
        int kindRow() {
            return row + 1;
        }

        int codeRow() {
            return row + 3;
        }

        int labelRow() {
            return row + 4;
        }

        /** The column's label (the row under the code), or null when it has none. */
        String label(TableSheet sheet, int column) {
            String label = sheet.row(labelRow()).getOrDefault(column, "").trim();
            return label.isEmpty() ? null : label;
        }
    }
}
