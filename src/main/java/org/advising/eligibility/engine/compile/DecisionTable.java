package org.advising.eligibility.engine.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advising.eligibility.engine.folder.RulebaseException;
import org.advising.eligibility.model.Conclusion;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.template.model.DRLOutput;
import org.drools.template.model.Package;
import org.drools.template.model.Rule;
import org.drools.template.parser.DecisionTableParseException;

/**
 * A decision table ({@code *.drl.csv}, or every sheet of a {@code *.drl.xlsx} that holds a
 * RuleTable) turned into DRL by Drools' own spreadsheet compiler. The cells are kept, so that every
 * problem is reported at its cell: {@code file:row: [sheet "S", ]cell D12 (Offering type): message}.
 * Before Drools reads the table this checks what Drools would let pass: a column kind that is not
 * spelt out (Drools reads any word starting with P as PRIORITY), a row without its policy id or
 * description, an unknown placeholder in a reason.
 */
final class DecisionTable {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*\\}");
    private static final Pattern DROOLS_CELL = Pattern.compile("cells? \\[?([A-Z]{1,3})([0-9]+)");
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'|\"([^\"]+)\"");
    /** The column kinds, spelt out; Drools' one-letter codes are accepted too. */
    private static final List<String> KINDS = List.of("CONDITION", "ACTION", "NAME", "METADATA", "PRIORITY", "DESCRIPTION",
            "ACTIVATION-GROUP", "AGENDA-GROUP", "RULEFLOW-GROUP", "NO-LOOP", "LOCK-ON-ACTIVE", "AUTO-FOCUS", "DURATION", "TIMER",
            "ENABLED", "CALENDARS", "DATE-EFFECTIVE", "DATE-EXPIRES");
    private static final String LETTER_CODES = "CANPI@DTEUBLFXGRVZ";

    private final String file;
    private final List<TableSheet> sheets;
    private final String drl;
    /** Per rule, in the order of the generated DRL: its sheet and row and the DRL lines it spans. */
    private final List<TableRule> rules;
    /** The same by name: the catalogue asks for each rule (a search per rule grew with the square of a large table). */
    private final Map<String, TableRule> rulesByName = new HashMap<>();

    /** One rule of the table: where it is in the spreadsheet and in the generated DRL. */
    record TableRule(String name, String sheet, int row, int firstLine, int lastLine) {
    }

    private DecisionTable(String file, List<TableSheet> sheets, String drl, List<TableRule> rules) {
        this.file = file;
        this.sheets = sheets;
        this.drl = drl;
        this.rules = rules;
        rules.forEach(rule -> rulesByName.putIfAbsent(rule.name(), rule));
    }

    /** Reads and converts the table, or throws every problem found at its cell. */
    static DecisionTable read(String file, byte[] content) {
        List<TableSheet> sheets = file.endsWith(".drl.csv") ? List.of(TableSheet.csv(file, content)) : TableSheet.xlsx(file, content);
        List<String> problems = new ArrayList<>();
        int tables = 0;
        for (TableSheet sheet : sheets) {
            for (TableSheet.TableShape table : sheet.tables()) {
                tables++;
                problems.addAll(check(file, sheet, table));
            }
        }
        if (tables == 0) {
            throw new RulebaseException(file + ":1: holds no decision table: a table starts with a cell that reads "
                    + "\"RuleTable\" and its name, such as \"RuleTable Credential by offering type\"");
        }
        if (!problems.isEmpty()) {
            throw new RulebaseException(problems);
        }
        DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
        List<Integer> rulesAfterSheet = new ArrayList<>();
        for (TableSheet sheet : sheets) {
            try {
                sheet.replay(listener);
            } catch (DecisionTableParseException e) {
                throw new RulebaseException(droolsProblem(file, sheet, e.getMessage()));
            }
            rulesAfterSheet.add(ruleCount(listener));
        }
        Package rulePackage = listener.getRuleSet();
        DRLOutput out = new DRLOutput();
        rulePackage.renderDRL(out);
        String drl = out.getDRL();
        return new DecisionTable(file, sheets, drl, positions(drl, rulePackage.getRules(), sheets, rulesAfterSheet));
    }

    String file() {
        return file;
    }

    /** The DRL Drools made of the table. */
    String drl() {
        return drl;
    }

    /** The table rule that a line of the generated DRL belongs to, or null. */
    TableRule ruleAtLine(int line) {
        return rules.stream().filter(rule -> line >= rule.firstLine() && line <= rule.lastLine()).findFirst().orElse(null);
    }

    TableRule ruleNamed(String name) {
        return rulesByName.get(name);
    }

    /**
     * A compiler message about the generated DRL, placed at the cell it comes from: the cell of the
     * rule's row holding the word the message names, else the code cell of the column holding it,
     * else an empty cell of the row that the code needed, else the row.
     */
    String place(int line, String message) {
        TableRule rule = ruleAtLine(line);
        List<String> words = new ArrayList<>();
        if (rule != null && message.contains(rule.name())) { // "Duplicate rule name: ..."
            words.add(rule.name());
        }
        Matcher quoted = QUOTED.matcher(message);
        while (quoted.find()) {
            words.add(quoted.group(1) != null ? quoted.group(1) : quoted.group(2));
        }
        if (rule == null) { // the package or its imports: the cell above the tables that holds the word
            for (TableSheet sheet : sheets) {
                for (Map.Entry<Integer, TreeMap<Integer, String>> row : sheet.cells().entrySet()) {
                    for (Map.Entry<Integer, String> cell : row.getValue().entrySet()) {
                        if (words.stream().anyMatch(word -> containsWord(cell.getValue(), word))) {
                            return at(sheet, row.getKey(), cell.getKey(), null) + message;
                        }
                    }
                }
            }
            return file + ":1: " + message;
        }
        TableSheet sheet = sheets.stream().filter(s -> Objects.equals(s.name(), rule.sheet())).findFirst().orElseThrow();
        int row = rule.row() - 1;
        TableSheet.TableShape table = sheet.tableOfRow(row);
        Map<Integer, String> cells = sheet.row(row);
        for (String word : words) {
            for (Map.Entry<Integer, String> cell : cells.entrySet()) {
                if (cell.getKey() >= table.column() && containsWord(cell.getValue(), word)) {
                    return at(sheet, row, cell.getKey(), table) + message;
                }
            }
        }
        for (Map.Entry<Integer, String> kind : sheet.row(table.kindRow()).entrySet()) {
            String code = kind.getValue().trim().toUpperCase(Locale.ROOT);
            if ((code.equals("CONDITION") || code.equals("ACTION")) && cells.getOrDefault(kind.getKey(), "").isBlank()) {
                return at(sheet, row, kind.getKey(), table) + "needs a value; the cell is empty, so the engine says: " + message;
            }
        }
        for (String word : words) {
            for (Map.Entry<Integer, String> cell : sheet.row(table.codeRow()).entrySet()) {
                if (containsWord(cell.getValue(), word)) {
                    return at(sheet, table.codeRow(), cell.getKey(), table) + message + " (in the code of this column, used by row "
                            + rule.row() + ")";
                }
            }
        }
        return file + ":" + rule.row() + ": " + sheetPart(sheet) + "row " + rule.row() + ": " + message;
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])").matcher(text).find();
    }

    private String at(TableSheet sheet, int row, int column, TableSheet.TableShape table) {
        return at(file, sheet, row, column, table);
    }

    /** The start of a message about a cell: {@code file:row: sheet "S", cell D12 (label): }. */
    private static String at(String file, TableSheet sheet, int row, int column, TableSheet.TableShape table) {
        String label = table == null ? null : table.label(sheet, column);
        return file + ":" + (row + 1) + ": " + sheetPart(sheet) + "cell " + cellName(row, column)
                + (label == null ? "" : " (" + label + ")") + ": ";
    }

    private static String sheetPart(TableSheet sheet) {
        return sheet.name() == null ? "" : "sheet \"" + sheet.name() + "\", ";
    }

    static String cellName(int row, int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString() + (row + 1);
    }

    /** What this service requires of a table beyond what Drools checks. */
    private static List<String> check(String file, TableSheet sheet, TableSheet.TableShape table) {
        List<String> problems = new ArrayList<>();
        Integer policy = null;
        Integer description = null;
        List<Integer> reasons = new ArrayList<>();
        for (Map.Entry<Integer, String> kind : sheet.row(table.kindRow()).entrySet()) {
            if (kind.getKey() < table.column()) {
                continue;
            }
            String word = kind.getValue().trim().toUpperCase(Locale.ROOT);
            boolean letter = word.length() == 1 && LETTER_CODES.contains(word);
            if (!KINDS.contains(word) && !letter) {
                problems.add(at(file, sheet, table.kindRow(), kind.getKey(), null) + "\"" + kind.getValue().trim()
                        + "\" is not a kind of column; write CONDITION, ACTION, NAME or METADATA (or another of Drools' kinds: "
                        + String.join(", ", KINDS.subList(4, KINDS.size())) + ")");
                continue;
            }
            String code = sheet.row(table.codeRow()).getOrDefault(kind.getKey(), "").replaceAll("\\s", "");
            if (code.isEmpty() && List.of("CONDITION", "ACTION", "METADATA").contains(word)) {
                problems.add(at(file, sheet, table.codeRow(), kind.getKey(), null) + "this " + word + " column has no code: write in this "
                        + "cell what the column means to the engine (docs/rules.md, \"Decision tables\")");
            }
            if (word.equals("METADATA") && code.startsWith("policy(")) {
                policy = kind.getKey();
            } else if (word.equals("METADATA") && code.startsWith("description(")) {
                description = kind.getKey();
            } else if (word.equals("ACTION") && code.contains("Conclusion.fromTable(")) {
                reasons.add(kind.getKey());
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        String table_ = "table \"" + table.name() + "\" ";
        if (policy == null) {
            problems.add(at(file, sheet, table.row(), table.column(), null) + table_
                    + "has no policy column: add a METADATA column whose code is policy(\"$param\")");
        }
        if (description == null) {
            problems.add(at(file, sheet, table.row(), table.column(), null) + table_
                    + "has no description column: add a METADATA column whose code is description(\"$param\")");
        }
        for (int row : table.dataRows()) {
            Map<Integer, String> cells = sheet.row(row);
            String policyId = policy == null ? null : cells.getOrDefault(policy, "").trim();
            if (policyId != null && !RulebaseCompiler.POLICY_ID.matcher(policyId).matches()) {
                problems.add(at(file, sheet, row, policy, table) + "needs a policy id such as CRED-1"
                        + (policyId.isEmpty() ? "" : ", not \"" + policyId + "\""));
            }
            if (description != null && cells.getOrDefault(description, "").isBlank()) {
                problems.add(at(file, sheet, row, description, table) + "needs a one-line description of the rule");
            }
            for (int column : reasons) {
                Matcher placeholder = PLACEHOLDER.matcher(cells.getOrDefault(column, ""));
                while (placeholder.find()) {
                    if (!Conclusion.PLACEHOLDERS.contains(placeholder.group())) {
                        problems.add(at(file, sheet, row, column, table) + placeholder.group() + " is not a placeholder; a reason can use "
                                + String.join(" and ", Conclusion.PLACEHOLDERS));
                    }
                }
            }
        }
        return problems;
    }

    /** A problem Drools found while reading the table, at the cell its message names. */
    private static String droolsProblem(String file, TableSheet sheet, String message) {
        String text = message == null ? "Drools could not read the table" : message;
        Matcher cell = DROOLS_CELL.matcher(text);
        String where = file + ":1: " + sheetPart(sheet);
        if (cell.find()) {
            int column = 0;
            for (char letter : cell.group(1).toCharArray()) {
                column = column * 26 + (letter - 'A' + 1);
            }
            int row = Integer.parseInt(cell.group(2)) - 1;
            where = at(file, sheet, row, column - 1, null);
        }
        String plain;
        if (text.contains("does not contain any code specification")) {
            plain = "this column has no code: write what the column means to the engine, such as type == OfferingType.$param";
        } else if (text.contains("does not have an 'ACTION' or 'CONDITION' column header")) {
            plain = "this cell is in a column without a kind: write CONDITION, ACTION, NAME or METADATA at the top of the column";
        } else if (text.contains("has an empty column header")) {
            plain = "this cell is in a column without code: write the column's code three rows below the RuleTable cell";
        } else if (text.startsWith("Priority is not an integer literal")) {
            plain = "a priority is a whole number";
        } else {
            plain = text.replaceAll(",? ?(in |at )?cells? \\[?[A-Z]{1,3}[0-9]+\\]?", "").strip();
        }
        return where + plain;
    }

    private static int ruleCount(DefaultRuleSheetListener listener) {
        try {
            return listener.getRuleSet().getRules().size();
        } catch (DecisionTableParseException noRuleYet) {
            return 0;
        }
    }

    /** Where each rule is: its sheet and row, and the lines of the generated DRL from its comment to its end. */
    private static List<TableRule> positions(String drl, List<Rule> rules, List<TableSheet> sheets, List<Integer> rulesAfterSheet) {
        List<String> lines = drl.lines().toList();
        List<TableRule> positions = new ArrayList<>();
        int line = 0;
        for (int index = 0; index < rules.size(); index++) {
            Rule rule = rules.get(index);
            int sheet = 0;
            while (index >= rulesAfterSheet.get(sheet)) {
                sheet++;
            }
            String header = "rule " + rule.getName();
            while (line < lines.size() && !lines.get(line).equals(header)) {
                line++;
            }
            int first = line > 0 && lines.get(line - 1).startsWith("//") ? line : line + 1; // 1-based, the comment above
            int last = line;
            while (last < lines.size() && !lines.get(last).equals("end")) {
                last++;
            }
            String name = rule.getName().substring(1, rule.getName().length() - 1).replace("\\\"", "\"");
            positions.add(new TableRule(name, sheets.get(sheet).name(), rule.getSpreadsheetRowNumber(), first, last + 1));
            line = last;
        }
        return List.copyOf(positions);
    }
}
