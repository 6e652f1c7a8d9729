package com.calsync.ui.settings;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * Label and field rows. Each label has a mnemonic (the underscored letter: Alt+letter moves the
 * focus to its field) and is the field's accessible label.
 */
final class FormGrid {
    private final GridPane grid = new GridPane();
    private int row;

    FormGrid() {
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(110);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
    }

    /** A row "{@code label}: {@code field}"; {@code label} may hold a '_' before its mnemonic letter. */
    FormGrid row(String label, Node field) {
        Label l = new Label(label);
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        grid.addRow(row++, l, field);
        return this;
    }

    /** A row that spans both columns (hints, buttons). */
    FormGrid wide(Node node) {
        grid.add(node, 0, row++, 2, 1);
        return this;
    }

    GridPane node() {
        return grid;
    }
}
