package dev.halab.core.report;

import dev.halab.core.report.LabSession.FailoverRecord;
import dev.halab.core.topology.Host;
import dev.halab.core.topology.Topology;
import dev.halab.core.topology.VrrpInstance;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The report's pictures as SVG, embedded as data URIs: they open offline, print sharp at any size,
 * and need no image library in the core.
 */
final class SvgCharts {
    private static final String FONT = "font-family=\"DejaVu Sans, Noto Sans CJK SC, sans-serif\"";

    private SvgCharts() {
    }

    static String dataUri(String svg) {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }

    /** Client, VIP(s), the two front ends, the back ends, with names and addresses. */
    static String topology(Topology topology, ReportData data) {
        List<Host> fronts = topology.frontEnds();
        List<Host> backs = topology.backEnds();
        int width = 760;
        int height = 330;
        StringBuilder svg = header(width, height);
        box(svg, width / 2 - 90, 10, 180, 40, "#eef2ff", data.t("report.topology.clients"), "");
        StringBuilder vips = new StringBuilder();
        for (VrrpInstance instance : topology.instances()) {
            vips.append(vips.length() == 0 ? "" : ", ").append(instance.vip());
        }
        box(svg, width / 2 - 140, 80, 280, 44, "#fff7e6", "VIP " + vips, data.t("report.topology.vrrp", topology.instances().get(0).vrid()));
        line(svg, width / 2, 50, width / 2, 80);
        for (int i = 0; i < fronts.size(); i++) {
            Host host = fronts.get(i);
            int x = columnX(i, fronts.size(), width, 200);
            String role = topology.instances().stream().anyMatch(v -> topology.masterOf(v).equals(host))
                    ? "MASTER " + topology.priorityOf(host, topology.primaryInstance()) : "BACKUP " + topology.priorityOf(host, topology.primaryInstance());
            box(svg, x, 160, 200, 52, "#e8f5e9", host.name() + "  " + host.address(), "nginx + keepalived, " + role);
            line(svg, width / 2, 124, x + 100, 160);
        }
        for (int i = 0; i < backs.size(); i++) {
            Host host = backs.get(i);
            int x = columnX(i, backs.size(), width, 200);
            box(svg, x, 262, 200, 52, "#f3e5f5", host.name() + "  " + host.address(), "tomcat :" + topology.tomcat().port());
            for (int f = 0; f < fronts.size(); f++) {
                line(svg, columnX(f, fronts.size(), width, 200) + 100, 212, x + 100, 262);
            }
        }
        return svg.append("</svg>").toString();
    }

    /**
     * One failover on a time axis from just before the fault: who served before, the gap without an
     * answer (the measured outage), who served after, and the theoretical floor as a dashed line.
     */
    static String timeline(FailoverRecord failover, ReportData data) {
        int width = 720;
        int height = 130;
        int left = 20;
        int right = width - 20;
        long measured = failover.measuredMillis() == null ? -1 : failover.measuredMillis();
        long end = Math.max(Math.max(measured, failover.floorMillis()), 500) * 13 / 10 + 300;
        long start = -Math.max(300, end / 8);
        java.util.function.LongFunction<Double> x = ms -> left + (double) (ms - start) * (right - left) / (end - start);
        StringBuilder svg = header(width, height);
        int barY = 30;
        int barH = 34;
        rect(svg, x.apply(start), barY, x.apply(0) - x.apply(start), barH, "#90caf9");
        text(svg, x.apply(start) + 6, barY + 22, 12, "#0d2b45", "start", String.valueOf(failover.oldServer()));
        if (measured >= 0) {
            rect(svg, x.apply(0), barY, x.apply(measured) - x.apply(0), barH, "#ef9a9a");
            rect(svg, x.apply(measured), barY, x.apply(end) - x.apply(measured), barH, "#a5d6a7");
            text(svg, x.apply(measured) + 6, barY + 22, 12, "#1b3d1c", "start", String.valueOf(failover.newServer()));
            text(svg, (x.apply(0) + x.apply(measured)) / 2, barY - 8, 12, "#b71c1c", "middle",
                    data.t("report.timeline.outage", millis(measured)));
        } else {
            rect(svg, x.apply(0), barY, x.apply(end) - x.apply(0), barH, "#ef9a9a");
            text(svg, x.apply(0) + 6, barY + 22, 12, "#b71c1c", "start", data.t("report.timeline.noAnswer"));
        }
        double floorX = x.apply(failover.floorMillis());
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#4a148c\" stroke-width=\"2\" stroke-dasharray=\"5,4\"/>",
                floorX, barY - 4, floorX, barY + barH + 24));
        // Below the axis's tick labels, so the two never overlap; the fault's label one line lower still.
        text(svg, floorX, barY + barH + 36, 12, "#4a148c", "middle", data.t("report.timeline.floor", millis(failover.floorMillis())));
        double zero = x.apply(0);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000\" stroke-width=\"2\"/>",
                zero, barY - 4, zero, barY + barH + 4));
        text(svg, zero, barY + barH + 52, 12, "#000", "middle", data.t("report.timeline.fault", failover.method()));
        // axis with ticks every second (or every 100 ms for short outages)
        long step = end - start > 4000 ? 1000 : end - start > 1500 ? 500 : 100;
        int axisY = barY + barH + 4;
        for (long t = 0; t <= end; t += step) {
            double tx = x.apply(t);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#555\"/>", tx, axisY, tx, axisY + 4));
            if (t > 0) {
                text(svg, tx, axisY + 14, 10, "#555", "middle", millis(t));
            }
        }
        return svg.append("</svg>").toString();
    }

    static String millis(long ms) {
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
    }

    private static int columnX(int index, int count, int width, int boxWidth) {
        int gap = (width - count * boxWidth) / (count + 1);
        return gap + index * (boxWidth + gap);
    }

    private static StringBuilder header(int width, int height) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">"
                        + "<rect width=\"100%%\" height=\"100%%\" fill=\"#ffffff\"/>", width, height, width, height));
    }

    private static void box(StringBuilder svg, int x, int y, int w, int h, String fill, String title, String subtitle) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"6\" fill=\"%s\" stroke=\"#555\"/>",
                x, y, w, h, fill));
        text(svg, x + w / 2.0, y + (subtitle.isEmpty() ? h / 2.0 + 5 : 19), 13, "#111", "middle", title);
        if (!subtitle.isEmpty()) {
            text(svg, x + w / 2.0, y + 37, 11, "#444", "middle", subtitle);
        }
    }

    private static void line(StringBuilder svg, int x1, int y1, int x2, int y2) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#777\" stroke-width=\"1.5\"/>", x1, y1, x2, y2));
    }

    private static void rect(StringBuilder svg, double x, int y, double w, int h, String fill) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", x, y, Math.max(0, w), h, fill));
    }

    private static void text(StringBuilder svg, double x, double y, int size, String color, String anchor, String content) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" fill=\"%s\" text-anchor=\"%s\" %s>%s</text>",
                x, y, size, color, anchor, FONT, ReportHtml.escape(content)));
    }
}
