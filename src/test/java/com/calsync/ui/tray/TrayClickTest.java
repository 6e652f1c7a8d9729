package com.calsync.ui.tray;

import static java.awt.event.MouseEvent.BUTTON1;
import static java.awt.event.MouseEvent.BUTTON3;
import static java.awt.event.MouseEvent.MOUSE_CLICKED;
import static java.awt.event.MouseEvent.MOUSE_PRESSED;
import static java.awt.event.MouseEvent.MOUSE_RELEASED;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrayClickTest {

    @Test
    void onMacTheLeftPressOpensThePopoverAndNothingElseOfTheClickDoes() {
        assertThat(TrayClick.of(true, MOUSE_PRESSED, BUTTON1, false, false)).isEqualTo(TrayClick.TOGGLE_POPOVER);
        assertThat(TrayClick.of(true, MOUSE_RELEASED, BUTTON1, false, false)).isEqualTo(TrayClick.NONE);
        assertThat(TrayClick.of(true, MOUSE_CLICKED, BUTTON1, false, false)).as("the click after the press would close it again")
                .isEqualTo(TrayClick.NONE);
    }

    @Test
    void onMacARightOrControlPressOpensTheMenu() {
        assertThat(TrayClick.of(true, MOUSE_PRESSED, BUTTON3, true, false)).isEqualTo(TrayClick.OPEN_MENU);
        assertThat(TrayClick.of(true, MOUSE_PRESSED, BUTTON1, true, true)).isEqualTo(TrayClick.OPEN_MENU);
        assertThat(TrayClick.of(true, MOUSE_PRESSED, BUTTON1, false, true)).isEqualTo(TrayClick.OPEN_MENU);
        assertThat(TrayClick.of(true, MOUSE_CLICKED, BUTTON3, false, false)).isEqualTo(TrayClick.NONE);
    }

    @Test
    void onLinuxALeftClickOpensThePopoverAndTheRightPressTheMenu() {
        assertThat(TrayClick.of(false, MOUSE_PRESSED, BUTTON1, false, false)).isEqualTo(TrayClick.NONE);
        assertThat(TrayClick.of(false, MOUSE_CLICKED, BUTTON1, false, false)).isEqualTo(TrayClick.TOGGLE_POPOVER);
        assertThat(TrayClick.of(false, MOUSE_PRESSED, BUTTON3, true, false)).isEqualTo(TrayClick.OPEN_MENU);
        assertThat(TrayClick.of(false, MOUSE_CLICKED, BUTTON3, false, false)).isEqualTo(TrayClick.NONE);
        assertThat(TrayClick.of(false, MOUSE_PRESSED, BUTTON1, false, true)).as("control means nothing on X11")
                .isEqualTo(TrayClick.NONE);
    }
}
