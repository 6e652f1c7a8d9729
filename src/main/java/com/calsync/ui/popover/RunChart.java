package com.calsync.ui.popover;

import com.calsync.ui.model.AppView.RunPoint;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The recent runs at a glance: one bar per run, its height the run's duration (red when it
 * failed), and a dot for how many items it changed. A canvas, not a JavaFX chart: it redraws in
 * microseconds and keeps the idle app light.
 */
final class RunChart extends Canvas {
    private static final Color BAR = Color.web("#4a90d9");
    private static final Color FAILED = Color.web("#d9342b");
    private static final Color CHANGES = Color.web("#e08a00");
    private List<RunPoint> runs = List.of();

    RunChart(double width, double height) {
        super(width, height);
        setId("chart");
    }

    /** The runs drawn last, oldest first. */
    List<RunPoint> shownRuns() {
        return runs;
    }

    void show(List<RunPoint> newRuns) {
        if (newRuns.equals(runs)) {
            return;
        }
        runs = newRuns;
        GraphicsContext g = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        g.setStroke(Color.gray(0.8));
        g.strokeLine(0, h - 0.5, w, h - 0.5);
        if (runs.isEmpty()) {
            g.setFill(Color.gray(0.5));
            g.fillText("No runs yet", 6, h / 2 + 4);
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
            g.setFill(r.failed() ? FAILED : BAR);
            g.fillRect(x, h - barHeight, barWidth, barHeight);
            if (r.changes() > 0) {
                double y = h - 4 - (h - 10) * r.changes() / maxChanges;
                g.setFill(CHANGES);
                g.fillOval(x + barWidth / 2 - 2.5, y - 2.5, 5, 5);
            }
        }
    }
}
