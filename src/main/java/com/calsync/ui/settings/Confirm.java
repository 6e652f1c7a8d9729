package com.calsync.ui.settings;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks before something is removed: says what goes, and Cancel has the default focus (Enter does nothing harmful). */
final class Confirm {
    private Confirm() {
    }

    static boolean removal(Window owner, String title, String whatGoes, String action) {
        ButtonType remove = new ButtonType(action, ButtonBar.ButtonData.OTHER);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, whatGoes, remove, cancel);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Button removeButton = (Button) alert.getDialogPane().lookupButton(remove);
        Button cancelButton = (Button) alert.getDialogPane().lookupButton(cancel);
        removeButton.setId("confirmRemove");
        removeButton.setDefaultButton(false);
        cancelButton.setDefaultButton(true);
        alert.setOnShown(e -> cancelButton.requestFocus());
        return alert.showAndWait().filter(b -> b == remove).isPresent();
    }
}
