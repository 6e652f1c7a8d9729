package com.calsync.ui.settings;

import com.calsync.service.setup.SetupProblem;
import javafx.scene.control.Label;

/** The line under a form that says what is going on: busy, done, or what went wrong. */
final class StatusLine {
    private final Label label = new Label();

    StatusLine(String id) {
        label.setId(id);
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
    }

    Label node() {
        return label;
    }

    String text() {
        return label.getText();
    }

    void busy(String text) {
        show(text, "status-busy");
    }

    void ok(String text) {
        show(text, "status-ok");
    }

    void error(String text) {
        show(text, "status-error");
    }

    void problem(SetupProblem problem) {
        error(problem.message());
    }

    void clear() {
        show("", "status-busy");
    }

    private void show(String text, String style) {
        label.setText(text);
        label.getStyleClass().removeIf(c -> c.startsWith("status-"));
        label.getStyleClass().add(style);
    }
}
