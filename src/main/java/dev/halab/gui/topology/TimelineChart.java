package dev.halab.gui.topology;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Requests over the last {@value #WINDOW_SECONDS} s: one tick per request, upper row coloured by
 * the nginx that served it, lower row by the tomcat, red when it failed; the outage (failed
 * requests in a row) is shaded and the last kill is marked. Drawn on a canvas, redrawn once per
 * batch of probes.
 */
public final class TimelineChart extends Region {
    public static final int WINDOW_SECONDS = 30;
    static final Color[] NGINX = {Color.web("#0969da"), Color.web("#bc4c00")};
    static final Color[] TOMCAT = {Color.web("#1a7f37"), Color.web("#8250df")};
    private static final Color FAILED = Color.web("#cf222e");

    private final Canvas canvas = new Canvas();
    private final ObservableList<RequestItem> items;
    private final Supplier<Instant> killAt;
    private Supplier<Instant> clock = Instant::now;

    public TimelineChart(ObservableList<RequestItem> items, Supplier<Instant> killAt) {
        this.items = items;
        this.killAt = killAt;
        setId("timeline");
        getStyleClass().add("timeline");
        getChildren().add(canvas);
        items.addListener((ListChangeListener<RequestItem>) c -> draw());
        setPrefHeight(120);
        setMinHeight(90);
    }

    /** The chart's "now" (screenshots pin it to the last request). */
    public void setClock(Supplier<Instant> clock) {
        this.clock = clock;
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w <= 0 || h <= 0) {
            return;
        }
        double left = 8;
        double right = w - 8;
        double top = 6;
        double rowH = (h - 28) / 2;
        Instant now = items.isEmpty() ? clock.get() : max(clock.get(), items.get(items.size() - 1).at());
        Instant start = now.minusSeconds(WINDOW_SECONDS);
        double perMs = (right - left) / (WINDOW_SECONDS * 1000.0);
        Color grid = Color.gray(0.5, 0.35);
        g.setStroke(grid);
        g.setLineWidth(1);
        g.setFont(Font.font(10));
        g.setFill(Color.gray(0.45));
        for (int s = 0; s <= WINDOW_SECONDS; s += 5) {
            double x = right - s * 1000 * perMs;
            g.strokeLine(x, top, x, top + 2 * rowH + 4);
            g.fillText(s == 0 ? "0 s" : "-" + s + " s", Math.max(left, x - 10), h - 6);
        }
        List<RequestItem> snapshot = List.copyOf(items);
        // shade runs of failures: the outage gap
        Instant outageStart = null;
        for (RequestItem item : snapshot) {
            if (!item.ok() && outageStart == null) {
                outageStart = item.at();
            } else if (item.ok() && outageStart != null) {
                shade(g, start, outageStart, item.at(), left, perMs, top, rowH);
                outageStart = null;
            }
        }
        if (outageStart != null) {
            shade(g, start, outageStart, now, left, perMs, top, rowH);
        }
        for (RequestItem item : snapshot) {
            if (item.at().isBefore(start)) {
                continue;
            }
            double x = left + Duration.between(start, item.at()).toMillis() * perMs;
            if (item.ok()) {
                g.setFill(item.nginxIndex() >= 0 ? NGINX[item.nginxIndex() % 2] : Color.GRAY);
                g.fillRect(x, top, 2.5, rowH);
                g.setFill(item.tomcatIndex() >= 0 ? TOMCAT[item.tomcatIndex() % 2] : Color.GRAY);
                g.fillRect(x, top + rowH + 4, 2.5, rowH);
            } else {
                g.setFill(FAILED);
                g.fillRect(x, top + rowH - 6, 2.5, 12);
            }
        }
        Instant kill = killAt.get();
        if (kill != null && kill.isAfter(start)) {
            double x = left + Duration.between(start, kill).toMillis() * perMs;
            g.setStroke(FAILED);
            g.setLineWidth(2);
            g.strokeLine(x, top - 2, x, top + 2 * rowH + 6);
        }
    }

    private static void shade(GraphicsContext g, Instant start, Instant from, Instant to, double left, double perMs,
                              double top, double rowH) {
        Instant a = max(from, start);
        if (!to.isAfter(a)) {
            return;
        }
        double x1 = left + Duration.between(start, a).toMillis() * perMs;
        double x2 = left + Duration.between(start, to).toMillis() * perMs;
        g.setFill(FAILED.deriveColor(0, 1, 1, 0.18));
        g.fillRect(x1, top, Math.max(2, x2 - x1), 2 * rowH + 4);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
