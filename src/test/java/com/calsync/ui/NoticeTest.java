package com.calsync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.ui.model.AppView;
import com.calsync.ui.model.Notice;
import com.calsync.ui.model.TrayState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoticeTest {

    private static AppView with(AppView.PairView... pairs) {
        return Views.view(TrayState.IDLE, "Idle", false, List.of(pairs), 1, Optional.empty());
    }

    @Test
    void aPairThatStartsFailingRecoversOrHasDeletionsHeldIsAnnouncedOnce() {
        AppView ok = with(Views.ok("work", Views.T0, "no changes"), Views.ok("home", Views.T0, "no changes"));
        AppView failing = with(Views.failing("work", Views.T0, "401 Unauthorized", "details"), Views.held("home", Views.T0, 4));

        List<Notice> notices = Notice.between(ok, failing);

        assertThat(notices).extracting(Notice::title)
                .containsExactly("CalSync: work is failing", "CalSync: deletions held in home");
        assertThat(notices.get(0).text()).startsWith("401 Unauthorized");
        assertThat(notices).allMatch(Notice::warning);
        assertThat(Notice.between(failing, failing)).as("still failing is no news").isEmpty();
        assertThat(Notice.between(failing, ok)).extracting(Notice::title).containsExactly("CalSync: work works again");
    }

    @Test
    void anErrorQuotingCalendarTextReachesTheNotifierWithoutControlCharacters() {
        AppView ok = with(Views.ok("work", Views.T0, "no changes"));
        AppView failing = with(Views.failing("work", Views.T0, "item \"\u001b]0;owned\u0007\" refused\nforged", "d"));

        Notice notice = Notice.between(ok, failing).get(0);

        assertThat(notice.text()).startsWith("item \"\\x1B]0;owned\\x07\" refused\\nforged");
        assertThat(notice.text().chars().filter(Character::isISOControl)).isEmpty();
    }

    @Test
    void aFailingPairRunningAgainAndFailingAgainIsNoNews() {
        AppView failing = with(Views.failing("work", Views.T0, "401 Unauthorized", "details"));
        AppView.PairView f = failing.pairs().get(0);
        AppView retrying = with(new AppView.PairView(f.name(), f.route(), AppView.PairState.SYNCING, f.lastSync(), f.changes(),
                f.lastError(), f.errorDetails(), 0, java.util.Optional.empty(), List.of(), true));

        assertThat(Notice.between(failing, retrying)).isEmpty();
        assertThat(Notice.between(retrying, failing)).as("the retry failed too").isEmpty();
        assertThat(Notice.between(retrying, with(Views.ok("work", Views.T0, "no changes"))))
                .extracting(Notice::title).containsExactly("CalSync: work works again");
        assertThat(Notice.between(with(Views.ok("home", Views.T0, "x")), with(Views.held("home", Views.T0, 1))))
                .extracting(Notice::text).containsExactly("1 deletion was not carried out. Open CalSync to approve or reject them.");
    }

    @Test
    void theFirstViewAnnouncesNothing() {
        assertThat(Notice.between(AppView.starting(), with(Views.failing("work", Views.T0, "x", "y")))).isEmpty();
    }
}
