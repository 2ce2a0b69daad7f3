package dev.halab.core.report;

import dev.halab.core.report.LabSession.ExerciseRecord;
import dev.halab.core.report.LabSession.FailoverRecord;
import dev.halab.core.report.LabSession.InstallRecord;
import dev.halab.core.report.LabSession.ScenarioRecord;
import dev.halab.core.report.LabSession.StepRecord;
import dev.halab.core.template.GeneratedFile;
import dev.halab.core.template.HostFiles;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The lab report as one self-contained HTML page: inline CSS, pictures as data URIs, nothing
 * fetched; laid out for A4 printing (sections do not split a table or a picture across pages).
 */
public final class ReportHtml {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final String CSS = """
            @page { size: A4; margin: 14mm 12mm; }
            body { font-family: "DejaVu Sans", "Noto Sans CJK SC", sans-serif; color: #1a1a1a; font-size: 11pt; max-width: 190mm; margin: 0 auto; }
            h1 { font-size: 20pt; margin: 0 0 4pt 0; } h2 { font-size: 14pt; border-bottom: 2px solid #3949ab; padding-bottom: 2pt; margin-top: 18pt;
                 break-after: avoid; page-break-after: avoid; }
            h3 { font-size: 12pt; margin: 12pt 0 4pt 0; break-after: avoid; page-break-after: avoid; }
            .meta { color: #444; margin-bottom: 10pt; } .meta b { color: #111; }
            table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt 0; page-break-inside: avoid; }
            th, td { border: 1px solid #bbb; padding: 3pt 5pt; text-align: left; vertical-align: top; font-size: 9.5pt; }
            th { background: #e8eaf6; }
            .pass { color: #1b5e20; font-weight: bold; } .fail { color: #b71c1c; font-weight: bold; }
            pre { background: #f6f6f6; border: 1px solid #ddd; padding: 5pt; font-size: 8pt; white-space: pre-wrap; word-break: break-all;
                  font-family: "DejaVu Sans Mono", monospace; page-break-inside: avoid; }
            img { max-width: 100%; page-break-inside: avoid; } .figure { page-break-inside: avoid; margin: 6pt 0; }
            .empty { color: #777; font-style: italic; } .file { page-break-inside: avoid; }
            .host { page-break-before: auto; } h2.appendix { break-before: page; page-break-before: always; }
            """;

    private ReportHtml() {
    }

    public static String render(ReportData data) {
        Topology topology = data.topology();
        LabSession session = data.session();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"").append(lang(data.locale())).append("\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(escape(data.t("report.title", data.student()))).append("</title><style>")
                .append(CSS).append("</style></head><body>\n");
        html.append("<h1>").append(escape(data.t("report.heading"))).append("</h1>\n<div class=\"meta\">")
                .append(meta(data, "report.student", data.student()))
                .append(meta(data, "report.date", data.date().toString()))
                .append(meta(data, "report.profile", session.profile() + " (" + topology.mode() + ", VRRPv" + topology.vrrp().version() + ")"))
                .append(meta(data, "report.since", TIME.format(session.startedAt())))
                .append("</div>\n");

        html.append("<h2>").append(escape(data.t("report.section.topology"))).append("</h2>\n<div class=\"figure\"><img alt=\"topology\" src=\"")
                .append(SvgCharts.dataUri(SvgCharts.topology(topology, data))).append("\"></div>\n");
        hosts(html, data);

        html.append("<h2>").append(escape(data.t("report.section.install"))).append("</h2>\n");
        installs(html, data, session.installs());

        html.append("<h2>").append(escape(data.t("report.section.failovers"))).append("</h2>\n");
        failovers(html, data, session);

        html.append("<h2>").append(escape(data.t("report.section.scenarios"))).append("</h2>\n");
        scenarios(html, data, session.scenarios());

        html.append("<h2>").append(escape(data.t("report.section.exercises"))).append("</h2>\n");
        exercises(html, data, session.exercises());

        // The files are an appendix on pages of their own: their heading never ends a page alone.
        html.append("<h2 class=\"appendix\">").append(escape(data.t("report.section.files"))).append("</h2>\n");
        for (Host host : topology.hosts()) {
            html.append("<div class=\"host\">");
            String heading = "<h3>" + escape(host.name() + " (" + host.address() + ")") + "</h3>\n";
            for (GeneratedFile file : HostFiles.forHost(topology.withVrrpKeyMasked(), host)) {
                // The host's heading goes inside its first file's unbreakable block: never alone at a page's foot.
                html.append("<div class=\"file\">").append(heading).append("<b>").append(escape(file.path())).append("</b> (")
                        .append(file.modeOctal()).append(")<pre>").append(escape(file.content())).append("</pre></div>\n");
                heading = "";
            }
            html.append(heading);
            html.append("</div>\n");
        }
        html.append("<p class=\"meta\">").append(escape(data.t("report.footer"))).append("</p>\n</body></html>\n");
        return html.toString();
    }

    private static void hosts(StringBuilder html, ReportData data) {
        Topology topology = data.topology();
        html.append("<table><tr>").append(th(data, "report.col.host")).append(th(data, "report.col.address"))
                .append(th(data, "report.col.role")).append(th(data, "report.col.vrrp")).append("</tr>\n");
        for (Host host : topology.hosts()) {
            String vrrp = host.isFrontEnd() ? topology.instances().stream()
                    .map(v -> v.name() + " VRID " + v.vrid() + " " + topology.initialStateOf(host, v) + " " + topology.priorityOf(host, v))
                    .reduce((a, b) -> a + "; " + b).orElse("") : "";
            html.append("<tr>").append(td(host.name())).append(td(host.address())).append(td(host.role().name()))
                    .append(td(vrrp)).append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void installs(StringBuilder html, ReportData data, List<InstallRecord> installs) {
        if (installs.isEmpty()) {
            html.append(empty(data, "report.none.install"));
            return;
        }
        html.append("<table><tr>").append(th(data, "report.col.time")).append(th(data, "report.col.result"))
                .append(th(data, "report.col.changed")).append(th(data, "report.col.unchanged")).append(th(data, "report.col.failed"))
                .append(th(data, "report.col.details")).append("</tr>\n");
        for (InstallRecord install : installs) {
            html.append("<tr>").append(td(TIME.format(install.at()))).append(result(data, install.success()))
                    .append(td(String.valueOf(install.changed()))).append(td(String.valueOf(install.unchanged())))
                    .append(td(String.valueOf(install.failed())))
                    .append(td(install.failures().stream().map(f -> f.in(data.locale())).reduce((a, b) -> a + "\n" + b)
                            .orElse(data.t(install.changed() == 0 && install.success() ? "report.install.noChange" : "report.install.done"))))
                    .append("</tr>\n");
        }
        html.append("</table>\n");
    }

    private static void failovers(StringBuilder html, ReportData data, LabSession session) {
        List<FailoverRecord> all = new java.util.ArrayList<>(session.failovers());
        session.scenarios().forEach(s -> s.steps().stream().filter(st -> st.outage() != null).forEach(st -> all.add(st.outage())));
        all.sort(java.util.Comparator.comparing(FailoverRecord::at));
        if (all.isEmpty()) {
            html.append(empty(data, "report.none.failover"));
            return;
        }
        for (FailoverRecord failover : all) {
            html.append("<div class=\"figure\"><h3>").append(escape(data.t("report.failover.title", TIME.format(failover.at()),
                    failover.method(), String.valueOf(failover.oldServer()), String.valueOf(failover.newServer())))).append("</h3>");
            html.append("<table><tr>").append(th(data, "report.col.method")).append(th(data, "report.col.measured"))
                    .append(th(data, "report.col.floor")).append(th(data, "report.col.lost")).append("</tr><tr>")
                    .append(td(failover.method()))
                    .append(td(failover.measuredMillis() == null ? data.t("report.timeline.noAnswer") : SvgCharts.millis(failover.measuredMillis())))
                    .append(td(SvgCharts.millis(failover.floorMillis()))).append(td(String.valueOf(failover.failedRequests())))
                    .append("</tr></table>");
            html.append("<img alt=\"timeline\" src=\"").append(SvgCharts.dataUri(SvgCharts.timeline(failover, data))).append("\"></div>\n");
        }
    }

    private static void scenarios(StringBuilder html, ReportData data, List<ScenarioRecord> scenarios) {
        if (scenarios.isEmpty()) {
            html.append(empty(data, "report.none.scenario"));
            return;
        }
        for (ScenarioRecord scenario : scenarios) {
            html.append("<h3>").append(escape(data.t("report.scenario.title", scenario.scenario(), scenario.how(), TIME.format(scenario.at()))))
                    .append(" &mdash; ").append(scenario.passed() ? "<span class=\"pass\">" + escape(data.t("report.passed")) + "</span>"
                            : "<span class=\"fail\">" + escape(data.t("report.failed")) + "</span>").append("</h3>\n");
            html.append("<table><tr>").append(th(data, "report.col.step")).append(th(data, "report.col.action"))
                    .append(th(data, "report.col.expected")).append(th(data, "report.col.observed")).append(th(data, "report.col.result"))
                    .append("</tr>\n");
            for (StepRecord step : scenario.steps()) {
                html.append("<tr>").append(td(step.id())).append(td(text(step.action(), data))).append(td(text(step.expected(), data)))
                        .append(td(text(step.observed(), data))).append(result(data, step.passed())).append("</tr>\n");
            }
            html.append("</table>\n");
        }
    }

    private static void exercises(StringBuilder html, ReportData data, List<ExerciseRecord> exercises) {
        if (exercises.isEmpty()) {
            html.append(empty(data, "report.none.exercise"));
            return;
        }
        html.append("<table><tr>").append(th(data, "report.col.time")).append(th(data, "report.col.exercise"))
                .append(th(data, "report.col.answer")).append(th(data, "report.col.diagnosis")).append(th(data, "report.col.repaired"))
                .append("</tr>\n");
        for (ExerciseRecord exercise : exercises) {
            html.append("<tr>").append(td(TIME.format(exercise.at())))
                    .append(td(exerciseTitle(exercise.exercise(), data)))
                    .append("<td>").append(escape(exerciseTitle(exercise.answer(), data))).append(" ")
                    .append(exercise.correct() ? "<span class=\"pass\">&#10004;</span>" : "<span class=\"fail\">&#10008;</span>").append("</td>")
                    .append(td(exercise.diagnosis().stream().map(d -> d.in(data.locale())).reduce((a, b) -> a + "\n" + b).orElse("-")))
                    .append(result(data, exercise.repaired())).append("</tr>\n");
        }
        html.append("</table>\n");
    }

    /** Exercise names live in the exercise bundle (core/exercise), keyed by the exercise's id. */
    private static String exerciseTitle(String id, ReportData data) {
        return dev.halab.core.i18n.LocalizedText.of("exercise", "exercise." + id + ".title").render(data.locale());
    }

    private static String text(BilingualText text, ReportData data) {
        return text == null ? "" : text.in(data.locale());
    }

    private static String meta(ReportData data, String key, String value) {
        return escape(data.t(key)) + ": <b>" + escape(value) + "</b><br>";
    }

    private static String th(ReportData data, String key) {
        return "<th>" + escape(data.t(key)) + "</th>";
    }

    private static String td(String value) {
        return "<td>" + escape(value).replace("\n", "<br>") + "</td>";
    }

    private static String result(ReportData data, boolean ok) {
        return ok ? "<td class=\"pass\">" + escape(data.t("report.ok")) + "</td>" : "<td class=\"fail\">" + escape(data.t("report.notOk")) + "</td>";
    }

    private static String empty(ReportData data, String key) {
        return "<p class=\"empty\">" + escape(data.t(key)) + "</p>\n";
    }

    private static String lang(Locale locale) {
        return dev.halab.core.i18n.Bundles.isChinese(locale) ? "zh-CN" : "en";
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
