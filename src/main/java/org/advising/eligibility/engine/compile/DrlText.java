package org.advising.eligibility.engine.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A DRL file's lines and where each rule's header, {@code then} and {@code end} are, read from the
 * text alone, so that a compiler message can be placed at the line of the mistake. Lines are
 * numbered from 1, as editors number them.
 */
final class DrlText {

    private static final Pattern HEADER = Pattern.compile("^\\s*rule\\s+\"([^\"]*)\"");
    private static final Pattern THEN = Pattern.compile("(?:^|\\s)then(?:\\s|$)");
    private static final Pattern END = Pattern.compile("(?:^|\\s)end\\s*$");
    /** {@code not Conclusion( … )} (or {@code not ( Conclusion( … ) )}) and its constraints, across lines, one level of inner parentheses. */
    private static final Pattern NOT_CONCLUSION = Pattern.compile("\\bnot\\s*\\(?\\s*Conclusion\\s*\\(((?:[^()]|\\([^()]*\\))*)\\)");

    /** A rule's lines: its header, its then (0 when missing), its end (0 when missing) and its last written line. */
    record Rule(String name, int header, int then, int end, int last) {
    }

    private final List<String> lines;
    private final List<Rule> rules = new ArrayList<>();

    DrlText(String content) {
        this.lines = content.lines().toList();
        List<Integer> headers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (HEADER.matcher(lines.get(i)).find()) {
                headers.add(i + 1);
            }
        }
        for (int h = 0; h < headers.size(); h++) {
            int header = headers.get(h);
            int limit = h + 1 < headers.size() ? headers.get(h + 1) : lines.size() + 1; // the next rule's header
            int then = firstInCode(THEN, header, limit);
            int end = firstInCode(END, Math.max(then, header), limit);
            int last = header;
            for (int number = header + 1; number < limit; number++) {
                String text = line(number).strip();
                if (!text.isEmpty() && !text.startsWith("//")) {
                    last = number;
                }
            }
            Matcher name = HEADER.matcher(line(header));
            name.find();
            rules.add(new Rule(name.group(1), header, then, end, end > 0 ? end : last));
        }
    }

    /** The text of a line, or "" outside the file. */
    String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }

    /** The rule whose lines include this one, or null. */
    Rule ruleAt(int line) {
        return rules.stream().filter(rule -> rule.header() <= line && line <= rule.last()).findFirst().orElse(null);
    }

    List<Rule> rules() {
        return List.copyOf(rules);
    }

    /**
     * The line of the rule's when part that waits for a topic to have no answer yet
     * ({@code not Conclusion( …, topic == Topic.CREDIT )}, on one line or several), or 0 when it has none.
     */
    int waitsForNoAnswer(Rule rule, String topic) {
        int last = rule.then() > 0 ? rule.then() : rule.last();
        StringBuilder when = new StringBuilder();
        for (int number = rule.header(); number <= last; number++) {
            when.append(code(line(number))).append('\n');
        }
        Matcher guard = NOT_CONCLUSION.matcher(when);
        while (guard.find()) {
            if (Pattern.compile("\\btopic\\s*==\\s*Topic\\." + Pattern.quote(topic) + "\\b").matcher(guard.group(1)).find()) {
                return rule.header() + (int) when.substring(0, guard.start()).chars().filter(c -> c == '\n').count();
            }
        }
        return 0;
    }

    Rule ruleNamed(String name) {
        return rules.stream().filter(rule -> rule.name().equals(name)).findFirst().orElse(null);
    }

    /** Whether the rule's when part binds this variable ({@code $offering : Offering(...)}, {@code $gpa : gpa}). */
    boolean bindsInWhen(Rule rule, String variable) {
        Pattern binding = Pattern.compile("(?<![\\w$])" + Pattern.quote(variable) + "\\s*:");
        return first(binding, rule.header() + 1, rule.then() > 0 ? rule.then() : rule.last() + 1) > 0;
    }

    /** The first line of the rule's then part that matches, or else its first line. */
    int inThen(Rule rule, Pattern pattern) {
        int found = first(pattern, rule.then(), rule.end() > 0 ? rule.end() + 1 : rule.last() + 1);
        return found > 0 ? found : firstOfThen(rule);
    }

    /** The then part's first line: the line after {@code then}, or its own line when code follows it there. */
    private int firstOfThen(Rule rule) {
        return code(line(rule.then())).strip().endsWith("then") ? rule.then() + 1 : rule.then();
    }

    /** The first line holding this expression (spaces aside), or 1 when the text does not hold it. */
    int lineOf(String expression) {
        String wanted = expression.replaceAll("\\s+", "");
        for (int number = 1; number <= lines.size(); number++) {
            if (!wanted.isEmpty() && line(number).replaceAll("\\s+", "").contains(wanted)) {
                return number;
            }
        }
        return 1;
    }

    /** The line of the earliest parenthesis opened in lines [from, to) and still open at {@code to}; 0 when none is. */
    int unclosedParenthesis(int from, int to) {
        Deque<Integer> open = new ArrayDeque<>();
        for (int number = from; number < to; number++) {
            for (char c : code(line(number)).toCharArray()) {
                if (c == '(') {
                    open.push(number);
                } else if (c == ')' && !open.isEmpty()) {
                    open.pop();
                }
            }
        }
        return open.isEmpty() ? 0 : open.peekLast();
    }

    /**
     * Where a syntax error in a then part most likely is: the first statement that ends with a
     * parenthesis still open, else the first line that ends a statement without its semicolon, else
     * the line after {@code then}.
     */
    int unbalancedStatement(Rule rule) {
        int end = rule.end() > 0 ? rule.end() : rule.last() + 1;
        int depth = 0;
        for (int number = firstOfThen(rule); number < end; number++) {
            String code = code(line(number)).strip();
            for (char c : code.toCharArray()) {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            if (code.endsWith(";") && depth != 0) {
                return number;
            }
            String next = nextCode(number + 1, end);
            boolean continues = next.matches("^(\\+|-|\\*|/|\\.|\\?|:|&&|\\|\\|).*");
            if (depth == 0 && !code.isEmpty() && !code.matches(".*[;{}]$") && !continues) {
                return number;
            }
        }
        return firstOfThen(rule);
    }

    private String nextCode(int from, int to) {
        for (int number = from; number < to; number++) {
            String code = code(line(number)).strip();
            if (!code.isEmpty()) {
                return code;
            }
        }
        return "";
    }

    /**
     * A line without its string literals and its // comment, so that their parentheses do not count.
     * Scanned by hand: a regular expression over a long literal recurses once per character and can
     * overflow the stack of whatever thread reads the rules.
     */
    static String code(String line) {
        StringBuilder code = new StringBuilder(line.length());
        boolean inString = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++; // the escaped character, whatever it is
                } else if (c == '"') {
                    inString = false;
                    code.append('"');
                }
            } else if (c == '"') {
                inString = true;
                code.append('"');
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                break;
            } else {
                code.append(c);
            }
        }
        return code.toString();
    }

    private int firstInCode(Pattern pattern, int from, int to) {
        for (int number = Math.max(from, 1); number < to && number <= lines.size(); number++) {
            if (pattern.matcher(code(line(number))).find()) {
                return number;
            }
        }
        return 0;
    }

    private int first(Pattern pattern, int from, int to) {
        for (int number = Math.max(from, 1); number < to && number <= lines.size(); number++) {
            if (pattern.matcher(line(number)).find()) {
                return number;
            }
        }
        return 0;
    }
}
