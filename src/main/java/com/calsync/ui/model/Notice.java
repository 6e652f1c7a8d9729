package com.calsync.ui.model;

import com.calsync.platform.ControlCharacters;
import com.calsync.ui.model.AppView.PairView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A desktop notification: a pair started failing, recovered, or has deletions held.
 *
 * @param title   the headline
 * @param text    what happened and what to do
 * @param warning shown as a warning rather than as information
 */
public record Notice(String title, String text, boolean warning) {

    /** Errors quote servers and calendars: what reaches the desktop's notifier has no control characters. */
    public Notice {
        title = ControlCharacters.escape(title);
        text = ControlCharacters.escape(text);
    }

    /**
     * What changed between two views that the user should hear about even with the popover
     * closed: changes of state only. A failing pair that runs again is still failing (its row
     * shows "syncing" meanwhile), so each retry is no news; a recovery or a new hold is.
     */
    public static List<Notice> between(AppView before, AppView after) {
        Map<String, PairView> old = before.pairs().stream().collect(Collectors.toMap(PairView::name, Function.identity(), (a, b) -> a));
        List<Notice> notices = new ArrayList<>();
        for (PairView p : after.pairs()) {
            PairView was = old.get(p.name());
            if (was == null) {
                continue;
            }
            if (p.failing() && !was.failing()) {
                notices.add(new Notice("CalSync: " + p.name() + " is failing",
                        p.lastError().orElse("The last sync failed.") + " CalSync will retry; details in the CalSync menu.", true));
            } else if (was.failing() && !p.failing()) {
                notices.add(new Notice("CalSync: " + p.name() + " works again", "The last sync succeeded.", false));
            }
            if (p.heldDeletions() > 0 && was.heldDeletions() == 0) {
                notices.add(new Notice("CalSync: deletions held in " + p.name(),
                        Plural.of(p.heldDeletions(), "deletion was", "deletions were")
                                + " not carried out. Open CalSync to approve or reject them.", true));
            }
        }
        return notices;
    }
}
