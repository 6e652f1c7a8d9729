package com.calsync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.autostart.LaunchCommand;
import com.calsync.autostart.XdgAutostartLoginItem;
import com.calsync.testing.Await;
import com.calsync.ui.model.AppView;
import com.calsync.ui.model.TrayState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controller without widgets: views reach the viewers on the UI thread, and a viewer that
 * joins late — the popover, built on the first click — starts from the newest view and the
 * login item's state instead of waiting for the next change.
 */
class TrayControllerTest {
    @TempDir
    Path home;

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final ExecutorService uiThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));

    @AfterEach
    void stop() {
        background.shutdownNow();
        uiThread.shutdownNow();
    }

    private TrayController controller(RecordingTrayService service) {
        return new TrayController(service, new XdgAutostartLoginItem(home, new LaunchCommand(List.of("/opt/calsync/bin/CalSync"), true)),
                path -> { }, home.resolve("config.json"), home.resolve("logs"), background, uiThread, () -> { });
    }

    private static AppView error(String text) {
        return Views.view(TrayState.ERROR, text, false, List.of(), 1, Optional.empty());
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        Await.until(what, Duration.ofSeconds(10), condition);
    }

    @Test
    void aViewerAddedAfterStartGetsTheNewestViewAtOnceThenEachNewOneOnTheUiThread() throws Exception {
        RecordingTrayService service = new RecordingTrayService();
        TrayController controller = controller(service);
        List<String> early = new CopyOnWriteArrayList<>();
        controller.addViewer(v -> early.add(v.stateText()));
        controller.start();
        service.push(error("first"));
        service.push(error("second"));
        await("the early viewer has both views", () -> early.contains("second"));
        assertThat(controller.latestView()).map(AppView::stateText).contains("second");

        List<String> late = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        List<Boolean> loginItem = new CopyOnWriteArrayList<>();
        controller.addViewer(v -> {
            late.add(v.stateText());
            threads.add(Thread.currentThread().getName());
        });
        controller.addLoginItemViewer(loginItem::add);
        await("the late viewer gets the newest view without a new push", () -> late.contains("second"));
        await("and the login item's state", () -> !loginItem.isEmpty());
        assertThat(late).doesNotContain("first");
        assertThat(loginItem).containsOnly(false);

        service.push(error("third"));
        await("then every new one", () -> late.contains("third"));
        assertThat(threads).containsOnly("test-ui");
        assertThat(early).endsWith("third");
        uiThread.shutdown();
        assertThat(uiThread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void beforeTheServicesFirstViewThereIsNothingToCatchUpWith() {
        TrayController controller = controller(new RecordingTrayService());
        List<AppView> seen = new CopyOnWriteArrayList<>();
        controller.addViewer(seen::add);
        assertThat(controller.latestView()).isEmpty();
        assertThat(seen).isEmpty();
    }
}
