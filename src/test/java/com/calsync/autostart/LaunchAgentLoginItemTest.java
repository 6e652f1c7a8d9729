package com.calsync.autostart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** The macOS LaunchAgent, written into a temporary home; launchd itself needs a Mac. */
class LaunchAgentLoginItemTest {
    @TempDir
    Path home;

    private static final LaunchCommand APP = new LaunchCommand(List.of("/Applications/CalSync.app/Contents/MacOS/CalSync"), true);
    private static final LaunchCommand JAR = new LaunchCommand(List.of("/opt/jdk/bin/java", "-jar", "/Users/me/cal sync & co/calsync.jar"), false);

    @Test
    void installWritesTheAgentWithRunAtLoadAndRestartOnCrashOnly() throws Exception {
        LaunchAgentLoginItem item = new LaunchAgentLoginItem(home, APP);
        assertThat(item.status().installed()).isFalse();

        LoginItemStatus status = item.install();

        Path plist = home.resolve("Library/LaunchAgents/com.calsync.daemon.plist");
        assertThat(status.installed()).isTrue();
        assertThat(status.file()).contains(plist);
        assertThat(status.command()).containsExactly("/Applications/CalSync.app/Contents/MacOS/CalSync");
        Document doc = parse(Files.readString(plist));
        assertThat(value(doc, "Label", "string")).isEqualTo("com.calsync.daemon");
        assertThat(xpath(doc, "count(/plist/dict/key[.='RunAtLoad']/following-sibling::*[1][self::true])")).isEqualTo("1");
        assertThat(xpath(doc, "name(/plist/dict/key[.='KeepAlive']/following-sibling::*[1]/key[.='SuccessfulExit']/following-sibling::*[1])"))
                .isEqualTo("false");
        assertThat(value(doc, "LimitLoadToSessionType", "string")).isEqualTo("Aqua");
        assertThat(value(doc, "AssociatedBundleIdentifiers", "string")).isEqualTo("com.calsync.app");
    }

    @Test
    void fromAJarTheAgentRunsTheDaemonAndEscapesAwkwardPaths() throws Exception {
        LaunchAgentLoginItem item = new LaunchAgentLoginItem(home, JAR);

        item.install();

        String text = Files.readString(item.plistFile());
        assertThat(text).contains("cal sync &amp; co").doesNotContain("Aqua");
        assertThat(parse(text)).isNotNull();
        assertThat(item.status().command()).containsExactly("/opt/jdk/bin/java", "-jar", "/Users/me/cal sync & co/calsync.jar", "daemon");
    }

    @Test
    void uninstallRemovesTheFileAndTwiceIsFine() throws Exception {
        LaunchAgentLoginItem item = new LaunchAgentLoginItem(home, APP);
        item.install();

        assertThat(item.uninstall().installed()).isFalse();
        assertThat(item.uninstall().installed()).isFalse();
        assertThat(home.resolve("Library/LaunchAgents")).isEmptyDirectory();
    }

    @Test
    void installingAgainReplacesTheCommand() throws Exception {
        new LaunchAgentLoginItem(home, JAR).install();
        LoginItemStatus status = new LaunchAgentLoginItem(home, APP).install();

        assertThat(status.command()).containsExactly("/Applications/CalSync.app/Contents/MacOS/CalSync");
        assertThat(home.resolve("Library/LaunchAgents")).isDirectoryContaining("glob:**/com.calsync.daemon.plist");
        try (var files = Files.list(home.resolve("Library/LaunchAgents"))) {
            assertThat(files.count()).as("no temp files left behind").isEqualTo(1);
        }
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // the Apple DTD is not fetched (no network in tests, and launchd does not need it)
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String value(Document doc, String key, String element) throws Exception {
        return xpath(doc, "/plist/dict/key[.='" + key + "']/following-sibling::*[1][self::" + element + "]");
    }

    private static String xpath(Document doc, String expression) throws Exception {
        return (String) XPathFactory.newInstance().newXPath().evaluate(expression, doc, XPathConstants.STRING);
    }
}
