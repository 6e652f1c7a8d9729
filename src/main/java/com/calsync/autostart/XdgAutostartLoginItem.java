package com.calsync.autostart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Linux desktops: an XDG autostart entry, {@code $XDG_CONFIG_HOME/autostart/calsync.desktop}
 * (GNOME, KDE, Xfce and most others start these when the session begins). It opens the tray app.
 */
public final class XdgAutostartLoginItem implements LoginItem {
    private final Path desktopFile;
    private final LaunchCommand launchCommand;

    /**
     * @param configHome    {@code $XDG_CONFIG_HOME}, or {@code ~/.config}
     * @param launchCommand how to start this CalSync
     */
    public XdgAutostartLoginItem(Path configHome, LaunchCommand launchCommand) {
        this.desktopFile = configHome.resolve("autostart").resolve("calsync.desktop");
        this.launchCommand = launchCommand;
    }

    public Path desktopFile() {
        return desktopFile;
    }

    @Override
    public LoginItemStatus status() {
        boolean present = Files.isRegularFile(desktopFile);
        return new LoginItemStatus(present && !hidden(), "XDG autostart entry", Optional.of(desktopFile),
                present ? launchCommand.trayApp() : List.of());
    }

    /** A user who turned the entry off in the desktop's settings gets {@code Hidden=true}. */
    private boolean hidden() {
        try {
            return Files.readAllLines(desktopFile).stream().map(String::strip)
                    .anyMatch(l -> l.equalsIgnoreCase("Hidden=true") || l.equalsIgnoreCase("X-GNOME-Autostart-enabled=false"));
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public LoginItemStatus install() throws IOException {
        FileReplacement.write(desktopFile, desktopEntry());
        return status();
    }

    @Override
    public LoginItemStatus uninstall() throws IOException {
        Files.deleteIfExists(desktopFile);
        return status();
    }

    String desktopEntry() {
        return "[Desktop Entry]\n"
                + "Type=Application\n"
                + "Name=CalSync\n"
                + "Comment=Keeps calendars in sync in the background\n"
                + "Exec=" + exec(launchCommand.trayApp()) + "\n"
                + "Icon=" + icon() + "\n"
                + "Terminal=false\n"
                + "Categories=Office;Calendar;\n"
                + "X-GNOME-Autostart-enabled=true\n";
    }

    /** The packaged app's own icon (jpackage puts it in lib/ beside bin/), else a themed icon name. */
    private String icon() {
        if (launchCommand.packagedApp()) {
            Path launcher = Path.of(launchCommand.trayApp().get(0));
            Path parent = launcher.getParent() == null ? null : launcher.getParent().getParent();
            if (parent != null) {
                Path png = parent.resolve("lib").resolve(launcher.getFileName() + ".png");
                if (Files.isRegularFile(png)) {
                    return png.toString();
                }
            }
        }
        return "calsync";
    }

    /** The Exec key's quoting (Desktop Entry Specification, "The Exec key"), then the string escapes. */
    static String exec(List<String> argv) {
        return argv.stream().map(XdgAutostartLoginItem::quote).collect(Collectors.joining(" "))
                .replace("%", "%%")
                .replace("\\", "\\\\");
    }

    private static String quote(String arg) {
        if (!arg.isEmpty() && arg.chars().noneMatch(c -> " \t\n\"'\\><~|&;$*?#()`".indexOf(c) >= 0)) {
            return arg;
        }
        StringBuilder q = new StringBuilder("\"");
        for (char c : arg.toCharArray()) {
            if (c == '"' || c == '`' || c == '$' || c == '\\') {
                q.append('\\');
            }
            q.append(c);
        }
        return q.append('"').toString();
    }
}
