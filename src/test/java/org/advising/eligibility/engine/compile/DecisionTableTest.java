package org.advising.eligibility.engine.compile;

import org.advising.eligibility.ShippedRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.advising.eligibility.RulesCopy;
import org.advising.eligibility.engine.evaluate.RulebaseRunner;
import org.advising.eligibility.engine.evaluate.OfferingDecision;
import org.advising.eligibility.engine.evaluate.TracedConclusion;
import org.advising.eligibility.engine.folder.RulebaseException;
import org.advising.eligibility.engine.folder.RulesFolder;
import org.advising.eligibility.engine.prove.ScenarioRunner;
import org.advising.eligibility.model.Credential;
import org.advising.eligibility.model.Learner;
import org.advising.eligibility.model.Offering;
import org.advising.eligibility.model.OfferingType;
import org.advising.eligibility.model.Provider;
import org.advising.eligibility.model.ProviderKind;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.drools.decisiontable.parser.csv.CsvLineParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decision tables in the rules folder: the shipped table (credential.drl.csv) compiles with the DRL
 * files and decides; the same table as a workbook does too; and each kind of mistake a policy author
 * makes in a table is named at its file, sheet, row and cell.
 */
class DecisionTableTest {

    private static final String TABLE = "credential.drl.csv";

    @TempDir
    Path folder;

    @Test
    void the_shipped_table_decides_and_is_catalogued_by_row() throws IOException {
        Rulebase rulebase = ShippedRules.rulebase();
        List<RuleInfo> tableRules = rulebase.rules().values().stream().filter(rule -> rule.file().equals(TABLE)).toList();
        assertEquals(List.of(
                new RuleInfo("A degree gives an official degree and transcript", "CRED-1",
                        "An online degree gives the same degree and transcript as its on-campus equivalent.", TABLE, 11, null, 11),
                new RuleInfo("A MasterTrack gives an official university certificate", "CRED-2",
                        "A MasterTrack gives an official certificate from the university, whether or not the learner goes on to the degree.",
                        TABLE, 12, null, 12)),
                tableRules.subList(0, 2));
        assertEquals(List.of(11, 12, 13, 14, 15), tableRules.stream().map(RuleInfo::row).toList());

        OfferingDecision decision = evaluate(rulebase, OfferingType.MASTERTRACK);
        assertEquals(Credential.UNIVERSITY_CERTIFICATE, decision.credential());
        TracedConclusion credential = decision.conclusions().stream().filter(c -> c.policy().equals("CRED-2")).findFirst().orElseThrow();
        assertEquals("Completing this MasterTrack gives an official certificate from Example State University, "
                + "whether or not the learner goes on to the degree.", credential.reason());
        assertEquals(TABLE, credential.file());
        assertEquals(12, credential.row());
    }

    @Test
    void the_same_table_in_a_workbook_decides_and_names_its_sheet() throws IOException {
        rulesWithTheTableAs(workbook(Files.readString(Path.of("rules", TABLE)), "Credentials"));
        Rulebase rulebase = new RulebaseCompiler().compile(RulesFolder.read(folder));
        RuleInfo degree = rulebase.rules().values().stream().filter(rule -> rule.policy().equals("CRED-1")).findFirst().orElseThrow();
        assertEquals(new RuleInfo("A degree gives an official degree and transcript", "CRED-1",
                "An online degree gives the same degree and transcript as its on-campus equivalent.", "credential.drl.xlsx", 11,
                "Credentials", 11), degree);
        assertEquals(Credential.DEGREE_AND_TRANSCRIPT, evaluate(rulebase, OfferingType.DEGREE).credential());
    }

    /**
     * The shipped table opened in LibreOffice Calc 7.4 and saved as a workbook (soffice --convert-to xlsx), as an author would;
     * its condition and notes cells since edited in the workbook to match the table without its precedence guard (PR-2).
     */
    @Test
    void a_workbook_saved_by_libreoffice_passes_every_scenario() throws IOException {
        rulesWithTheTableAs(Files.readAllBytes(Path.of("src/test/resources/tables/credential-saved-by-libreoffice.drl.xlsx")));
        RulesFolder rules = RulesFolder.read(folder);
        Rulebase rulebase = new RulebaseCompiler().compile(rules);
        assertEquals(List.of(), ScenarioRunner.run(rulebase, new RulebaseRunner(100), rules.scenarioFiles()).failures());
        assertEquals(List.of("credential.drl.xlsx \"credential.drl\" 11", "credential.drl.xlsx \"credential.drl\" 12",
                        "credential.drl.xlsx \"credential.drl\" 13", "credential.drl.xlsx \"credential.drl\" 14",
                        "credential.drl.xlsx \"credential.drl\" 15"),
                rulebase.rules().values().stream().filter(rule -> rule.row() != null)
                        .map(rule -> rule.file() + " \"" + rule.sheet() + "\" " + rule.row()).toList());
    }

    @Test
    void a_mistake_in_a_workbook_names_the_sheet_row_and_cell() throws IOException {
        rulesWithTheTableAs(workbook(Files.readString(Path.of("rules", TABLE)).replace(",credential,DEGREE,", ",credential,DEGRE,"), "Credentials"));
        assertEquals(List.of("credential.drl.xlsx:11: sheet \"Credentials\", cell E11 (Offering type): OfferingType has no value 'DEGRE'; "
                + "its values are COURSE, SPECIALIZATION, MASTERTRACK, DEGREE, PROFESSIONAL_CERTIFICATE"), errorsOf(folder));
    }

    static Stream<Arguments> tableMistakes() {
        return Stream.of(
                Arguments.of("a misspelt value in a condition cell", ",credential,DEGREE,", ",credential,DEGRE,",
                        "credential.drl.csv:11: cell E11 (Offering type): OfferingType has no value 'DEGRE'; "
                                + "its values are COURSE, SPECIALIZATION, MASTERTRACK, DEGREE, PROFESSIONAL_CERTIFICATE"),
                Arguments.of("a misspelt value in an action cell", ",MASTERTRACK,UNIVERSITY_CERTIFICATE,", ",MASTERTRACK,UNIVERSITY_CERT,",
                        "credential.drl.csv:12: cell F12 (Credential): Credential has no value 'UNIVERSITY_CERT'; "
                                + "its values are NONE, PLATFORM_CERTIFICATE, UNIVERSITY_CERTIFICATE, DEGREE_AND_TRANSCRIPT"),
                Arguments.of("a row without its policy id", ",CRED-1,", ",,",
                        "credential.drl.csv:11: cell B11 (Policy): needs a policy id such as CRED-1"),
                Arguments.of("a policy id misspelt", "certificate,CRED-2,", "certificate,CRED2,",
                        "credential.drl.csv:12: cell B12 (Policy): needs a policy id such as CRED-1, not \"CRED2\""),
                Arguments.of("a row without its description", "CRED-3,\"A paid course gives a platform certificate: name, title and logo, "
                                + "no grade, not a transcript.\",", "CRED-3,,",
                        "credential.drl.csv:13: cell C13 (Description): needs a one-line description of the rule"),
                Arguments.of("a misspelt placeholder in a reason", "transcript from {provider}", "transcript from {provder}",
                        "credential.drl.csv:11: cell G11 (Reason an advisor reads aloud ({provider}: the provider's name)): "
                                + "{provder} is not a placeholder; a reason can use {provider} and {type}"),
                Arguments.of("an empty condition cell", ",credential,SPECIALIZATION,", ",credential,,",
                        "credential.drl.csv:14: cell E14 (Offering type): needs a value; the cell is empty, so the engine says: "
                                + "'$offering' is not defined: no pattern in the when part binds it"),
                Arguments.of("two rows with the same rule name", "A paying learner of a specialization gets a platform certificate,",
                        "A paying learner of a course gets a platform certificate,",
                        "credential.drl.csv:14: cell A14 (Rule): Duplicate rule name: A paying learner of a course gets a platform certificate"),
                Arguments.of("a column kind that is not one", "NAME,METADATA,METADATA,RULEFLOW-GROUP", "NAME,POLICY,METADATA,RULEFLOW-GROUP",
                        "credential.drl.csv:7: cell B7: \"POLICY\" is not a kind of column; write CONDITION, ACTION, NAME or METADATA "
                                + "(or another of Drools' kinds: PRIORITY, DESCRIPTION, ACTIVATION-GROUP, AGENDA-GROUP, RULEFLOW-GROUP, "
                                + "NO-LOOP, LOCK-ON-ACTIVE, AUTO-FOCUS, DURATION, TIMER, ENABLED, CALENDARS, DATE-EFFECTIVE, DATE-EXPIRES)"),
                Arguments.of("a column without code", ",Credential credential = Credential.$param;,", ",,",
                        "credential.drl.csv:9: cell F9: this ACTION column has no code: write in this cell what the column "
                                + "means to the engine (docs/rules.md, \"Decision tables\")"),
                Arguments.of("a cell broken over two lines", "the same as the on-campus equivalent.\"", "the same as\nthe on-campus equivalent.\"",
                        "credential.drl.csv:11: a quoted cell is not closed on this line; a cell cannot hold a line break "
                                + "(each row of a table is one line)"),
                Arguments.of("no RuleTable cell", "RuleTable Credential by offering type", "Credential by offering type",
                        "credential.drl.csv:1: holds no decision table: a table starts with a cell that reads \"RuleTable\" and its name, "
                                + "such as \"RuleTable Credential by offering type\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tableMistakes")
    void a_table_mistake_is_named_at_its_cell(String mistake, String correct, String wrong, String expected) throws IOException {
        RulesCopy.into(folder);
        String table = Files.readString(folder.resolve(TABLE));
        assertEquals(1, table.split(java.util.regex.Pattern.quote(correct), -1).length - 1, "the mistake is made once: " + correct);
        Files.writeString(folder.resolve(TABLE), table.replace(correct, wrong));
        assertEquals(List.of(expected), errorsOf(folder));
    }

    @Test
    void a_file_that_is_not_a_workbook_is_refused() throws IOException {
        rulesWithTheTableAs(Files.readAllBytes(Path.of("rules", TABLE))); // CSV text under a workbook's name
        List<String> errors = errorsOf(folder);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("credential.drl.xlsx:1: cannot be read as an Excel workbook (.xlsx): "), errors.get(0));
    }

    @Test
    void a_spreadsheet_not_named_as_a_table_is_refused_not_ignored() throws IOException {
        RulesCopy.into(folder);
        Files.copy(folder.resolve(TABLE), folder.resolve("credential.csv"));
        assertEquals(List.of("credential.csv: is not read: a decision table's name ends in .drl.csv or .drl.xlsx "
                + "(rename it, or move it out of the rules folder)"), errorsOf(folder));
    }

    @Test
    void a_table_saved_in_another_character_set_is_refused() throws IOException {
        RulesCopy.into(folder);
        String table = Files.readString(folder.resolve(TABLE)).replace("on-campus equivalent.\"", "on-campus équivalent.\"");
        Files.write(folder.resolve(TABLE), table.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(List.of("credential.drl.csv:11: is not UTF-8 text; save it as \"CSV UTF-8\" (Excel) or with the character set "
                + "Unicode (UTF-8) (LibreOffice)"), errorsOf(folder));
    }

    @Test
    void excel_csv_with_a_byte_order_mark_reads_the_same() throws IOException {
        RulesCopy.into(folder);
        byte[] table = Files.readAllBytes(folder.resolve(TABLE));
        byte[] marked = new byte[table.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(table, 0, marked, 3, table.length);
        Files.write(folder.resolve(TABLE), marked);
        Rulebase rulebase = new RulebaseCompiler().compile(RulesFolder.read(folder));
        assertEquals(Credential.PLATFORM_CERTIFICATE, evaluate(rulebase, OfferingType.COURSE).credential());
    }

    /** A copy of the rules in which credential.drl.csv is replaced by credential.drl.xlsx with these bytes. */
    private void rulesWithTheTableAs(byte[] workbook) throws IOException {
        RulesCopy.into(folder);
        Files.write(folder.resolve("credential.drl.xlsx"), workbook);
        Files.delete(folder.resolve(TABLE));
    }

    private static OfferingDecision evaluate(Rulebase rulebase, OfferingType type) {
        Offering offering = new Offering("o1", "An offering", type, new Provider("Example State University", ProviderKind.UNIVERSITY, "HLC", null, null),
                null, null, null, null, null, null, null);
        return new RulebaseRunner(100).evaluate(rulebase, new Learner("learner-1", null, null), List.of(offering), LocalDate.of(2026, 11, 24))
                .decisions().get(0);
    }

    /**
     * The CSV's cells on a sheet of a workbook, as a policy author's spreadsheet program would save
     * them, after a first sheet of notes that holds no table.
     */
    static byte[] workbook(String csv, String sheetName) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("Read me").createRow(0).createCell(0).setCellValue("Credential rules: edit the sheet Credentials.");
            Sheet sheet = workbook.createSheet(sheetName);
            List<String> lines = csv.lines().toList();
            for (int r = 0; r < lines.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> cells = new CsvLineParser().parse(lines.get(r));
                for (int c = 0; c < cells.size(); c++) {
                    if (!cells.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(cells.get(c));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static List<String> errorsOf(Path rules) {
        return assertThrows(RulebaseException.class, () -> new RulebaseCompiler().compile(RulesFolder.read(rules))).errors();
    }
}
