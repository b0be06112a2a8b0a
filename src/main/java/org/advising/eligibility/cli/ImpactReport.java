package org.advising.eligibility.cli;

import java.util.List;
import java.util.stream.Collectors;

/** The impact of a rule change as a policy author reads it: a Markdown report and its bar chart (SVG). */
final class ImpactReport {

    private static final int BAR_WIDTH = 420;
    private static final int ROW = 26;
    private static final int LABEL = 500;

    private ImpactReport() {
    }

    static String markdown(ImpactCommand.Impact impact, String baseline, String proposed, String input, String chartFile) {
        StringBuilder report = new StringBuilder();
        report.append("# What the proposed rules would change\n\n");
        report.append("| | folder | rulebase |\n| --- | --- | --- |\n");
        report.append("| baseline | `").append(baseline).append("` | `").append(impact.baseline()).append("` |\n");
        report.append("| proposed | `").append(proposed).append("` | `").append(impact.proposed()).append("` |\n\n");
        report.append(String.format("Requests: `%s`, %,d requests with %,d offerings, each answered by both rulebases.%n%n", input,
                impact.requests(), impact.offerings()));
        if (impact.groups().isEmpty()) {
            report.append("**No answer would change.**\n");
            return report.toString();
        }
        report.append(String.format("**%,d of %,d requests (%.1f%%) would get a different answer.** Each row below is one kind of "
                + "change: the answer, what it is now → what it would be, and the policy statement that decides it now → "
                + "would decide it. The count is of offerings (of requests for `status`, of institution totals for `totals`); "
                + "the example lines are lines of the requests file, to look at one case.%n%n",
                impact.changedRequests(), impact.requests(), 100.0 * impact.changedRequests() / Math.max(1, impact.requests())));
        report.append("![Changed answers by kind](").append(chartFile).append(")\n\n");
        report.append("| answer | now → would be | deciding policy now → would be | count | example lines |\n");
        report.append("| --- | --- | --- | ---: | --- |\n");
        for (ImpactCommand.Group group : impact.groups()) {
            report.append(String.format("| %s | %s → %s | %s → %s | %,d | %s |%n", group.field(), group.from(), group.to(),
                    group.policyBefore(), group.policyAfter(), group.count(),
                    group.examples().stream().map(String::valueOf).collect(Collectors.joining(", "))));
        }
        report.append("\nOnly answers are compared: the five summary answers, each transfer's outcome and hours, and each ")
                .append("institution's totals. A new reason or a new deciding policy for the same answer is not counted.\n");
        return report.toString();
    }

    /** A horizontal bar per group, longest first, each labelled with its change and its count. */
    static String chart(ImpactCommand.Impact impact) {
        List<ImpactCommand.Group> groups = impact.groups();
        long most = groups.stream().mapToLong(ImpactCommand.Group::count).max().orElse(1);
        int height = ROW * Math.max(1, groups.size()) + 20;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
                + "font-size=\"12\">%n", LABEL + BAR_WIDTH + 80, height));
        svg.append("<title>Changed answers by kind</title>\n");
        for (int i = 0; i < groups.size(); i++) {
            ImpactCommand.Group group = groups.get(i);
            int y = 10 + i * ROW;
            int width = (int) Math.max(1, Math.round((double) BAR_WIDTH * group.count() / most));
            svg.append(String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LABEL - 8, y + 15, escape(group.label())));
            svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"#1f5fa8\"/>%n", LABEL, y + 2, width));
            svg.append(String.format("<text x=\"%d\" y=\"%d\">%,d</text>%n", LABEL + width + 6, y + 15, group.count()));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
