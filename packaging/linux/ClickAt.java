import java.awt.Robot;
import java.awt.event.InputEvent;

/**
 * Clicks the left mouse button at a screen point: {@code java ClickAt.java X Y [TIMES [GAP_MS]]}.
 * For packaging/linux/tray-test.sh, which clicks the packaged app's tray icon with it (Debian's
 * xdotool is not needed for one click). Runs as a single source file (JEP 330).
 */
public class ClickAt {
    public static void main(String[] args) throws Exception {
        int x = Integer.parseInt(args[0]);
        int y = Integer.parseInt(args[1]);
        int times = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        long gap = args.length > 3 ? Long.parseLong(args[3]) : 0;
        Robot robot = new Robot();
        robot.mouseMove(x, y);
        robot.waitForIdle();
        for (int i = 0; i < times; i++) {
            if (i > 0) {
                Thread.sleep(gap);
            }
            robot.mousePress(InputEvent.BUTTON1_DOWN_MASK);
            robot.mouseRelease(InputEvent.BUTTON1_DOWN_MASK);
            robot.waitForIdle();
        }
    }
}
