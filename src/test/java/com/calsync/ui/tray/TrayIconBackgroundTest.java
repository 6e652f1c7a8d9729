package com.calsync.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Point;
import java.awt.Rectangle;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the panel's colour is read and which reading wins (the real icon: TrayIconTest under Xvfb + trayer). */
class TrayIconBackgroundTest {
    private static final Rectangle SCREEN = new Rectangle(0, 0, 1280, 800);

    @Test
    void thePanelIsReadJustOutsideEachSideOfTheIcon() {
        assertThat(TrayIconBackground.around(new Rectangle(1255, 1, 24, 30), SCREEN))
                .containsExactly(new Point(1254, 16), new Point(1279, 16), new Point(1267, 0), new Point(1267, 31));
    }

    @Test
    void pointsOffTheScreenAreLeftOut() {
        // an icon in the top right corner: nothing above it, nothing right of it
        assertThat(TrayIconBackground.around(new Rectangle(1256, 0, 24, 24), SCREEN))
                .containsExactly(new Point(1255, 12), new Point(1268, 24));
    }

    @Test
    void theMostCommonColourWinsAndTiesGoToTheFirst() {
        Color panel = new Color(0x333333);
        Color edge = new Color(0x444444);
        assertThat(TrayIconBackground.mostCommon(List.of(edge, panel, panel, Color.BLACK))).contains(panel);
        assertThat(TrayIconBackground.mostCommon(List.of(panel, edge))).contains(panel);
        assertThat(TrayIconBackground.mostCommon(List.of())).isEmpty();
    }
}
