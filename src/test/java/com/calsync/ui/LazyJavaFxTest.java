package com.calsync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.testing.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The JavaFX thread on demand: nothing is asked of JavaFX until the first task; the tasks handed in
 * run on the JavaFX thread in order, those given while it starts as well as later ones. (Here
 * TestFX has the toolkit up already, as a second start in one JVM is refused; turning implicit
 * exit on here would end TestFX's toolkit. The real start on a first click, and JavaFX staying up
 * after Quit closes every window, are covered by TrayIconTest, tag tray.)
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LazyJavaFxTest {

    @Start
    void start(Stage stage) {
    }

    @Test
    void theFirstTaskStartsItAndEveryTaskRunsOnTheJavaFxThreadInOrder() throws Exception {
        LazyJavaFx javaFx = new LazyJavaFx();
        assertThat(javaFx.requested()).isFalse();
        List<String> ran = new CopyOnWriteArrayList<>();
        for (String name : List.of("build", "open", "render")) {
            javaFx.execute(() -> ran.add(name + (Platform.isFxApplicationThread() ? " on fx" : " elsewhere")));
        }
        assertThat(javaFx.requested()).isTrue();
        Await.until("the tasks ran", Duration.ofSeconds(30), () -> ran.size() == 3);
        javaFx.execute(() -> ran.add("later" + (Platform.isFxApplicationThread() ? " on fx" : " elsewhere")));
        Await.until("a later task ran", Duration.ofSeconds(30), () -> ran.size() == 4);

        assertThat(ran).containsExactly("build on fx", "open on fx", "render on fx", "later on fx");
    }
}
