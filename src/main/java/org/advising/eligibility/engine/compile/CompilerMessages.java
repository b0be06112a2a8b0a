package org.advising.eligibility.engine.compile;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.kie.api.builder.Message;

/**
 * Drools' compiler messages in a policy author's words, each at the line of the mistake. Drools
 * reports a Java error in a rule's {@code then} part at the rule's header line, some errors in a
 * {@code when} part at line -1, and a missing parenthesis or {@code end} where its parser noticed
 * it; this finds the line in the file's own text. Follow-up noise (the parser's "null Package", a
 * {@code then} part's variable that is unbound only because its pattern did not compile) is left
 * out.
 */
final class CompilerMessages {

    private static final String MODEL = "org.advising.eligibility.model.";
    private static final Pattern PARSER = Pattern.compile("^\\[ERR \\d+\\] Line \\d+:\\d+ (.*)$", Pattern.DOTALL);
    private static final Pattern MISMATCHED = Pattern.compile("mismatched input '(.*)' in rule \"(.*)\"");
    private static final Pattern NO_SUCH_MEMBER = Pattern.compile("unable to resolve method using strict-mode: (\\S+)\\.(\\S+?)\\(\\)");
    private static final Pattern INCOMPARABLE = Pattern.compile("Comparison operation requires compatible types\\. Found class (\\S+) and class (\\S+)");
    private static final Pattern UNKNOWN_FACT_TYPE = Pattern.compile("Unable to resolve ObjectType '(.*)'");
    private static final Pattern UNBOUND_VARIABLE = Pattern.compile("(\\S+) cannot be resolved to a variable");
    private static final Pattern NOT_A_FIELD = Pattern.compile("(\\w+) cannot be resolved or is not a field");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("(\\w+) cannot be resolved(?: to a type)?");
    private static final Pattern UNKNOWN_METHOD = Pattern.compile("The method (\\w+)\\((.*)\\) is undefined for the type (\\w+)");

    /** One message at its place. */
    record Located(String file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private CompilerMessages() {
    }

    /**
     * Every message as {@code file:line: message}, in Drools' order, without repeats; {@code contents}
     * holds each rule file's text by the name the messages use.
     */
    static List<Located> describe(List<Message> messages, Map<String, String> contents) {
        List<Located> located = new ArrayList<>();
        for (Message message : messages) {
            String file = RulebaseCompiler.stripModuleRoot(message.getPath() == null ? "?" : message.getPath());
            located.addAll(locate(message, file, new DrlText(contents.getOrDefault(file, ""))));
        }
        Set<Located> described = new LinkedHashSet<>();
        for (Located message : located) {
            // MVEL adds a vaguer "Unable to analyze expression" next to the precise message of the same line.
            boolean vague = message.message().startsWith("Unable to analyze expression");
            if (!vague || located.stream().noneMatch(other -> other != message && other.file().equals(message.file())
                    && other.line() == message.line() && !other.message().startsWith("Unable to analyze expression"))) {
                described.add(message);
            }
        }
        return List.copyOf(described);
    }

    private static List<Located> locate(Message message, String file, DrlText text) {
        String content = message.getText() == null ? "" : message.getText().strip();
        int line = message.getLine();
        if (content.startsWith("Parser returned a null Package")) {
            return List.of(); // follows every syntax error, at line 0
        }
        if (content.startsWith("Rule Compilation error")) {
            return thenPartErrors(file, text, line, content.substring("Rule Compilation error".length()));
        }
        if (content.startsWith("Unable to Analyse Expression ")) {
            return List.of(expressionError(file, text, line, content));
        }
        Matcher unknownFactType = UNKNOWN_FACT_TYPE.matcher(content);
        if (unknownFactType.matches()) {
            return List.of(new Located(file, Math.max(line, 1), "'" + unknownFactType.group(1) + "' is not a known fact type"));
        }
        Matcher parser = PARSER.matcher(content);
        if (parser.matches()) {
            return List.of(parserError(file, text, line, parser.group(1).lines().findFirst().orElse("").strip()));
        }
        return List.of(new Located(file, Math.max(line, 1), plain(content.lines().findFirst().orElse(content))));
    }

    /** Java errors in a then part, which Drools reports at the rule's header line, one per line of its text. */
    private static List<Located> thenPartErrors(String file, DrlText text, int headerLine, String errors) {
        DrlText.Rule rule = text.ruleAt(headerLine);
        List<Located> located = new ArrayList<>();
        List<String> all = errors.lines().map(String::strip).filter(part -> !part.isEmpty()).toList();
        // Java reads past a syntax error with guesses; what it then says about the guessed code is noise.
        List<String> syntax = all.stream().filter(error -> error.startsWith("Syntax error")).toList();
        for (String error : syntax.isEmpty() ? all : syntax) {
            Matcher unbound = UNBOUND_VARIABLE.matcher(error);
            Matcher notAField = NOT_A_FIELD.matcher(error);
            Matcher unknownType = UNKNOWN_TYPE.matcher(error);
            Matcher unknownMethod = UNKNOWN_METHOD.matcher(error);
            if (rule == null) {
                located.add(new Located(file, Math.max(headerLine, 1), error));
            } else if (unbound.matches()) {
                String variable = unbound.group(1);
                if (!text.bindsInWhen(rule, variable)) { // when it does, its pattern failed and was reported already
                    located.add(new Located(file, text.inThen(rule, word(variable)),
                            "'" + variable + "' is not defined: no pattern in the when part binds it"));
                }
            } else if (notAField.matches()) {
                String member = notAField.group(1);
                int line = text.inThen(rule, Pattern.compile("(\\w+)\\s*\\.\\s*" + Pattern.quote(member) + "(?![\\w$])"));
                Matcher owner = Pattern.compile("(\\w+)\\s*\\.\\s*" + Pattern.quote(member) + "(?![\\w$])").matcher(text.line(line));
                located.add(new Located(file, line, owner.find() ? noSuchMember(owner.group(1), member, false) : error));
            } else if (unknownType.matches()) {
                located.add(new Located(file, text.inThen(rule, word(unknownType.group(1))),
                        "'" + unknownType.group(1) + "' is not a known fact type or class"));
            } else if (unknownMethod.matches()) {
                String method = unknownMethod.group(1);
                located.add(new Located(file, text.inThen(rule, Pattern.compile("\\b" + Pattern.quote(method) + "\\s*\\(")),
                        noSuchMember(unknownMethod.group(3), method, true)));
            } else {
                located.add(new Located(file, text.unbalancedStatement(rule), error));
            }
        }
        return located;
    }

    /** An expression of a when part that MVEL cannot analyse; Drools often gives it line -1. */
    private static Located expressionError(String file, DrlText text, int line, String content) {
        String expression = content.substring("Unable to Analyse Expression ".length()).lines().findFirst().orElse("")
                .replaceFirst(":$", "").strip();
        Matcher inner = Pattern.compile("\\[Error: ([^\\]]+)\\]").matcher(content);
        String error = inner.find() ? inner.group(1).strip() : content;
        int at = line > 0 ? line : text.lineOf(expression);
        Matcher member = NO_SUCH_MEMBER.matcher(error);
        if (member.find()) {
            String name = member.group(2);
            if (name.startsWith("$")) {
                return new Located(file, at, "'" + name + "' is not defined: no pattern before it binds it");
            }
            return new Located(file, at, noSuchMember(simpleName(member.group(1)), name, expression.matches(".*\\b" + Pattern.quote(name) + "\\s*\\(.*")));
        }
        Matcher incomparable = INCOMPARABLE.matcher(error);
        if (incomparable.find()) {
            return new Located(file, at, "'" + expression + "' compares " + simpleName(incomparable.group(1)) + " with "
                    + simpleName(incomparable.group(2)) + ", which can never match");
        }
        return new Located(file, at, plain(error));
    }

    /** A parser error: a missing end or an unclosed parenthesis is reported where it is, not where the parser stopped. */
    private static Located parserError(String file, DrlText text, int line, String error) {
        Matcher mismatched = MISMATCHED.matcher(error);
        if (!mismatched.matches()) {
            return new Located(file, Math.max(line, 1), error);
        }
        String found = mismatched.group(1).equals("<eof>") ? "the end of the file" : "'" + mismatched.group(1) + "'";
        DrlText.Rule rule = text.ruleNamed(mismatched.group(2));
        if (rule != null && rule.end() == 0) {
            return new Located(file, rule.last(), "rule \"" + rule.name() + "\" has no 'end' after its then part");
        }
        if (rule != null && line > rule.header() && (rule.then() == 0 || line <= rule.then())) {
            // In a when part the parser stops at the next pattern or at then; the parenthesis left open is above it.
            int unclosed = text.unclosedParenthesis(rule.header() + 1, line);
            if (unclosed > 0) {
                return new Located(file, unclosed, "a parenthesis opened on this line is not closed");
            }
        }
        return new Located(file, Math.max(line, 1), "unexpected " + found + " in rule \"" + mismatched.group(2) + "\"");
    }

    /** What an author needs when a type has no such member: the members it does have. */
    private static String noSuchMember(String owner, String member, boolean calledAsMethod) {
        Class<?> type = modelClass(owner);
        if (type != null && type.isEnum() && !calledAsMethod) {
            return owner + " has no value '" + member + "'; its values are "
                    + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type != null && type.isRecord() && !calledAsMethod) {
            return owner + " has no field '" + member + "'; its fields are "
                    + Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.joining(", "));
        }
        if (calledAsMethod) {
            return owner + " has no method '" + member + "()'" + (type == null ? "" : "; its methods are " + methods(type));
        }
        return owner + " has no field '" + member + "'";
    }

    private static String methods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()))
                .map(Method::getName).filter(name -> !Set.of("equals", "hashCode", "toString").contains(name))
                .distinct().sorted().map(name -> name + "()").collect(Collectors.joining(", "));
    }

    private static Class<?> modelClass(String simpleName) {
        try {
            return Class.forName(MODEL + simpleName, false, CompilerMessages.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static String plain(String text) {
        return text.replace(MODEL, "").replace(RulebaseCompiler.MODULE_ROOT, "").strip();
    }

    private static Pattern word(String name) {
        return Pattern.compile("(?<![\\w$])" + Pattern.quote(name) + "(?![\\w$])");
    }
}
