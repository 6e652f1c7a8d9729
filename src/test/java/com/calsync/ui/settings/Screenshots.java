package com.calsync.ui.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Saves what a node shows as target/screenshots/NAME.png (the README's pictures come from there). */
final class Screenshots {
    static final Path DIR = Path.of("target/screenshots");

    private Screenshots() {
    }

    static Path save(Node node, String name) throws Exception {
        Files.createDirectories(DIR);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> node.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        Path file = DIR.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        return file;
    }
}
