package com.calsync.ui.popover;

import com.calsync.ui.model.AppView.RunPoint;
import com.calsync.ui.model.TimeText;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The recent runs at a glance: one bar per run, its height the run's duration (red when it
 * failed), a dot for how many events it changed, and under them a time axis from the first run
 * shown to the last. The legend beside it is in the popover. A canvas, not a JavaFX chart: it
 * redraws in microseconds, only when the runs or the colours change, and keeps the idle app light.
 */
final class RunChart extends Canvas {
    private static final double AXIS = 14;
    private final TimeText times;
    private List<RunPoint> runs = List.of();
    private boolean dark;
    private boolean drawn;

    RunChart(double width, double height, TimeText times) {
        super(width, height);
        this.times = times;
        setId("chart");
    }

    /** The runs drawn last, oldest first. */
    List<RunPoint> shownRuns() {
        return runs;
    }

    /** The axis labels drawn under the bars: the first run's time and the last's. */
    List<String> axisLabels() {
        return runs.isEmpty() ? List.of() : List.of(times.when(runs.get(0).time()), times.when(runs.get(runs.size() - 1).time()));
    }

    void setDark(boolean on) {
        if (on != dark || !drawn) {
            dark = on;
            draw();
        }
    }

    void show(List<RunPoint> newRuns) {
        if (drawn && newRuns.equals(runs)) {
            return;
        }
        runs = newRuns;
        draw();
    }

    private void draw() {
        drawn = true;
        Color bar = Color.web(dark ? "#4493f8" : "#0969da");
        Color failed = Color.web(dark ? "#f85149" : "#cf222e");
        Color changes = Color.web(dark ? "#d29922" : "#bf8700");
        Color muted = dark ? Color.gray(0.6) : Color.gray(0.42);
        Color line = dark ? Color.gray(0.35) : Color.gray(0.8);
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight() - AXIS;
        g.clearRect(0, 0, w, getHeight());
        g.setStroke(line);
        g.strokeLine(0, h - 0.5, w, h - 0.5);
        g.setFont(Font.font(10));
        g.setTextBaseline(VPos.TOP);
        if (runs.isEmpty()) {
            g.setFill(muted);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText("No runs yet", 6, h / 2 - 6);
            return;
        }
        long maxDuration = Math.max(1, runs.stream().mapToLong(RunPoint::durationMs).max().orElse(1));
        long maxChanges = Math.max(1, runs.stream().mapToLong(RunPoint::changes).max().orElse(1));
        double slot = w / Math.max(runs.size(), 10);
        double barWidth = Math.max(2, slot * 0.6);
        for (int i = 0; i < runs.size(); i++) {
            RunPoint r = runs.get(i);
            double x = i * slot + (slot - barWidth) / 2;
            double barHeight = Math.max(2, (h - 8) * r.durationMs() / maxDuration);
            g.setFill(r.failed() ? failed : bar);
            g.fillRect(x, h - barHeight, barWidth, barHeight);
            if (r.changes() > 0) {
                double y = h - 4 - (h - 10) * r.changes() / maxChanges;
                g.setFill(changes);
                g.fillOval(x + barWidth / 2 - 2.5, y - 2.5, 5, 5);
            }
        }
        List<String> labels = axisLabels();
        g.setFill(muted);
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(labels.get(0), 0, h + 2);
        if (runs.size() > 1) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(labels.get(1), Math.min(w, runs.size() * slot), h + 2);
        }
    }
}
