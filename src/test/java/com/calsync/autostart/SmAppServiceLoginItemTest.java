package com.calsync.autostart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.calsync.platform.macos.AppService;
import com.calsync.platform.macos.AppService.RefusedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The SMAppService agent login item over a stand-in for ServiceManagement (only a Mac has the
 * real one), and the agent plist that packaging puts into the bundle.
 */
class SmAppServiceLoginItemTest {
    private static final LaunchCommand APP = new LaunchCommand(List.of("/Applications/CalSync.app/Contents/MacOS/CalSync"), true);

    @TempDir
    Path home;

    /** SMAppService as macOS would answer: a status, and register/unregister that may refuse. */
    private static final class StandInAgent implements SmAppServiceLoginItem.Agent {
        long status = AppService.NOT_REGISTERED;
        String refuse;
        long afterRegister = AppService.ENABLED;

        @Override
        public long status() {
            return status;
        }

        @Override
        public void register() throws RefusedException {
            if (refuse != null) {
                throw new RefusedException(refuse);
            }
            status = afterRegister;
        }

        @Override
        public void unregister() {
            status = AppService.NOT_REGISTERED;
        }
    }

    private SmAppServiceLoginItem item(StandInAgent agent, LaunchCommand command) {
        return new SmAppServiceLoginItem(command, new LaunchAgentLoginItem(home, command),
                () -> Optional.ofNullable(agent), () -> true);
    }

    private Path agentFile() {
        return home.resolve("Library/LaunchAgents/com.calsync.daemon.plist");
    }

    @Test
    void registersTheBundledAgentAndRemovesAnOldAgentFile() throws Exception {
        new LaunchAgentLoginItem(home, APP).install();
        StandInAgent agent = new StandInAgent();

        LoginItemStatus status = item(agent, APP).install();

        assertThat(status.installed()).isTrue();
        assertThat(status.needsApproval()).isFalse();
        assertThat(status.kind()).isEqualTo("LaunchAgent inside CalSync.app (SMAppService)");
        assertThat(agentFile()).doesNotExist();
        assertThat(status.describe()).endsWith(": installed");
    }

    @Test
    void waitingForApprovalIsSaidAndTheSettingsCanBeOpened() throws Exception {
        StandInAgent agent = new StandInAgent();
        agent.afterRegister = AppService.REQUIRES_APPROVAL;
        AtomicBoolean opened = new AtomicBoolean();
        SmAppServiceLoginItem item = new SmAppServiceLoginItem(APP, new LaunchAgentLoginItem(home, APP),
                () -> Optional.of(agent), () -> opened.getAndSet(true) || true);

        LoginItemStatus status = item.install();

        assertThat(status.installed()).isTrue();
        assertThat(status.needsApproval()).isTrue();
        assertThat(status.describe()).contains("only once you allow CalSync in System Settings › General › Login Items");
        assertThat(item.openSettings()).isTrue();
        assertThat(opened).isTrue();
    }

    @Test
    void aRefusedRegistrationFallsBackToTheLaunchAgentFileAndSaysSo() throws Exception {
        StandInAgent agent = new StandInAgent();
        agent.refuse = "Operation not permitted (SMAppServiceErrorDomain 1)";
        agent.status = AppService.NOT_FOUND;

        LoginItemStatus status = item(agent, APP).install();

        assertThat(status.installed()).isTrue();
        assertThat(status.kind()).startsWith("LaunchAgent file, used because SMAppService");
        assertThat(status.file()).contains(agentFile());
        assertThat(agentFile()).exists();

        LoginItemStatus after = item(agent, APP).uninstall();
        assertThat(after.installed()).isFalse();
        assertThat(agentFile()).doesNotExist();
    }

    @Test
    void withoutServiceManagementTheFileIsUsed() throws Exception {
        LoginItemStatus status = item(null, APP).install();
        assertThat(status.kind()).contains("SMAppService is not available");
        assertThat(agentFile()).exists();
    }

    @Test
    void uninstallUnregistersAndRemovesTheFile() throws Exception {
        StandInAgent agent = new StandInAgent();
        SmAppServiceLoginItem item = item(agent, APP);
        item.install();

        assertThat(item.uninstall().installed()).isFalse();
        assertThat(agent.status).isEqualTo(AppService.NOT_REGISTERED);
    }

    @Test
    void aTranslocatedCopyIsToldToMoveToApplicationsInsteadOfRegisteringARandomPath() {
        LaunchCommand translocated = new LaunchCommand(
                List.of("/private/var/folders/x/AppTranslocation/ABC/d/CalSync.app/Contents/MacOS/CalSync"), true);
        StandInAgent agent = new StandInAgent();
        assertThatThrownBy(() -> item(agent, translocated).install()).isInstanceOf(IOException.class)
                .hasMessageContaining("Move CalSync.app into the Applications folder");
        assertThat(agent.status).isEqualTo(AppService.NOT_REGISTERED);
        assertThat(agentFile()).doesNotExist();
    }

    @Test
    void theBundledAgentPlistRestartsAfterACrashOnlyAndNamesTheApp() throws Exception {
        Path plist = Path.of("packaging/macos/LaunchAgents", SmAppServiceLoginItem.AGENT_PLIST);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(plist.toFile());
        var xpath = XPathFactory.newInstance().newXPath();

        assertThat(xpath.evaluate("/plist/dict/key[.='Label']/following-sibling::*[1]", doc))
                .isEqualTo(SmAppServiceLoginItem.AGENT_PLIST.replace(".plist", ""));
        assertThat(xpath.evaluate("/plist/dict/key[.='BundleProgram']/following-sibling::*[1]", doc))
                .isEqualTo("Contents/MacOS/CalSync");
        assertThat(xpath.evaluate("name(/plist/dict/key[.='KeepAlive']/following-sibling::*[1]/key[.='SuccessfulExit']"
                + "/following-sibling::*[1])", doc)).isEqualTo("false");
        assertThat(xpath.evaluate("name(/plist/dict/key[.='RunAtLoad']/following-sibling::*[1])", doc)).isEqualTo("true");
        assertThat(xpath.evaluate("/plist/dict/key[.='AssociatedBundleIdentifiers']/following-sibling::*[1]/string", doc))
                .isEqualTo(LaunchAgentLoginItem.BUNDLE_ID);
        assertThat(Files.readString(Path.of("packaging/macos/Info.plist"))).contains("<string>" + LaunchAgentLoginItem.BUNDLE_ID + "</string>");
    }
}
