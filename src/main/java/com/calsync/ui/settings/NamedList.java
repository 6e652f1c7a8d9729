package com.calsync.ui.settings;

import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** The left column of the Accounts and Pairs pages: the names, and a button that starts a new one below them. */
final class NamedList {
    private static final double WIDTH = 170;

    private NamedList() {
    }

    /**
     * @param onSelect runs with the name picked in the list
     * @param addText  the button's text, with its mnemonic ({@code "_New account"})
     */
    static VBox column(ListView<String> list, String listId, double height, Consumer<String> onSelect,
                       String addText, String addId, Runnable onAdd) {
        list.setId(listId);
        list.setPrefWidth(WIDTH);
        list.setPrefHeight(height);
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                onSelect.accept(now);
            }
        });
        Button add = new Button(addText);
        add.setId(addId);
        add.setOnAction(e -> onAdd.run());
        add.setMaxWidth(Double.MAX_VALUE);
        VBox column = new VBox(6, list, add);
        column.setMinWidth(WIDTH);
        return column;
    }
}
