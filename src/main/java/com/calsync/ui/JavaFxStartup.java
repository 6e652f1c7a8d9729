package com.calsync.ui;

import java.util.logging.Level;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the JavaFX toolkit without the two lines it would print on the console of every start.
 *
 * <ul>
 * <li>"Unsupported JavaFX configuration: classes were loaded from 'unnamed module …'":
 *     {@code PlatformImpl#startup} logs it (System.Logger "javafx", which the JDK sends to
 *     java.util.logging's console handler) whenever JavaFX is on the class path rather than the
 *     module path — as with {@code java -jar calsync.jar}. The packaged app loads JavaFX as
 *     modules and never sees it. For that one call the "javafx" logger is quieted and the fact
 *     goes to CalSync's log instead; CSS and other JavaFX warnings are untouched afterwards.</li>
 * <li>"Setting PULSE_DURATION to 10 hz": the static initialiser of
 *     {@code com.sun.scenario.animation.AbstractPrimaryTimer} prints it to System.err whenever the
 *     {@code javafx.animation.pulse} property is set, which the Linux package does to idle at
 *     10 pulses a second. {@code QuantumToolkit} has read the property into its static
 *     {@code pulseHZ} when the toolkit was created, before the startup runnable; the primary
 *     timer is created after that runnable ({@code QuantumToolkit#runToolkit}) and, finding no
 *     property, takes {@code Toolkit#getRefreshRate()}, which is that same {@code pulseHZ}
 *     ({@code PrimaryTimer#getPulseDuration}). So clearing the property first thing in the
 *     runnable keeps the 10 Hz and drops the line. (openjdk/jfx, JavaFX 21.)</li>
 * </ul>
 */
final class JavaFxStartup {
    static final String PULSE_PROPERTY = "javafx.animation.pulse";
    private static final Logger log = LoggerFactory.getLogger(JavaFxStartup.class);

    private JavaFxStartup() {
    }

    /** {@link Platform#startup}, then {@code onFxThread} on the JavaFX thread. */
    static void startup(Runnable onFxThread) {
        boolean fromClassPath = !Platform.class.getModule().isNamed();
        java.util.logging.Logger javafxLog = java.util.logging.Logger.getLogger("javafx");
        Level before = javafxLog.getLevel();
        if (fromClassPath) {
            log.info("JavaFX is loaded from the class path (java -jar); the packaged app loads it as modules");
            javafxLog.setLevel(Level.SEVERE);
        }
        String pulse = System.getProperty(PULSE_PROPERTY);
        Platform.startup(() -> {
            if (pulse != null) {
                System.clearProperty(PULSE_PROPERTY);
                log.debug("JavaFX pulses at {} Hz", pulse);
            }
            if (fromClassPath) {
                javafxLog.setLevel(before);
            }
            onFxThread.run();
        });
    }
}
