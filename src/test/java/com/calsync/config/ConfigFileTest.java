package com.calsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving config.json: checked first, never over an outside edit, atomic, the old file kept as config.json.bak. */
class ConfigFileTest {
    @TempDir
    Path dir;

    private ConfigFile file() {
        return new ConfigFile(dir.resolve("config.json"), new ConfigLoader(dir));
    }

    @Test
    void aValidEditIsWrittenAndTheOldFileKeptBeside() throws Exception {
        Files.writeString(dir.resolve("config.json"), ConfigDocumentTest.USER_FILE);
        ConfigFile file = file();
        ConfigFile.Snapshot before = file.read();

        ConfigDocument edited = before.document().orElseThrow().put("/sync/interval_minutes", new com.fasterxml.jackson.databind.node.IntNode(60));
        ConfigFile.SaveResult result = file.save(before, edited);

        assertThat(result).isInstanceOf(ConfigFile.Saved.class);
        assertThat(Files.readString(dir.resolve("config.json"))).isEqualTo(edited.text()).contains("// My calendars. Do not lose this comment!", "\"interval_minutes\": 60");
        assertThat(Files.readString(dir.resolve("config.json.bak"))).isEqualTo(ConfigDocumentTest.USER_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("config.json")))).isEqualTo("rw-------");
        ConfigFile.Snapshot now = ((ConfigFile.Saved) result).now();
        assertThat(file.changedSince(now)).isFalse();
        assertThat(now.check().config().orElseThrow().sync().intervalMinutes()).isEqualTo(60);
        try (var names = Files.list(dir)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("config.json", "config.json.bak");
        }
    }

    @Test
    void anEditTheCheckerRejectsIsNotWritten() throws Exception {
        Files.writeString(dir.resolve("config.json"), ConfigDocumentTest.USER_FILE);
        ConfigFile file = file();
        ConfigFile.Snapshot before = file.read();

        ConfigDocument broken = before.document().orElseThrow().put("/pairs/0/target",
                com.fasterxml.jackson.databind.node.TextNode.valueOf("nowhere"));
        ConfigFile.SaveResult result = file.save(before, broken);

        assertThat(result).isInstanceOf(ConfigFile.Rejected.class);
        assertThat(((ConfigFile.Rejected) result).errors()).singleElement().asString()
                .contains("pairs[0].target", "no calendar named \"nowhere\"");
        assertThat(Files.readString(dir.resolve("config.json"))).isEqualTo(ConfigDocumentTest.USER_FILE);
        assertThat(dir.resolve("config.json.bak")).doesNotExist();
    }

    @Test
    void anEditMadeElsewhereSinceReadingIsNeverOverwritten() throws Exception {
        Files.writeString(dir.resolve("config.json"), ConfigDocumentTest.USER_FILE);
        ConfigFile file = file();
        ConfigFile.Snapshot before = file.read();
        String theirs = ConfigDocumentTest.USER_FILE.replace("every quarter hour", "edited in vim");
        Files.writeString(dir.resolve("config.json"), theirs);

        assertThat(file.changedSince(before)).isTrue();
        ConfigFile.SaveResult result = file.save(before,
                before.document().orElseThrow().put("/sync/sync_past_days", new com.fasterxml.jackson.databind.node.IntNode(1)));

        assertThat(result).isInstanceOf(ConfigFile.ChangedOutside.class);
        assertThat(Files.readString(dir.resolve("config.json"))).isEqualTo(theirs);
        Files.delete(dir.resolve("config.json"));
        assertThat(file.changedSince(before)).isTrue();
    }

    @Test
    void noFileYetIsAnEmptyConfigThatASaveCreates() throws Exception {
        ConfigFile file = new ConfigFile(dir.resolve("sub/config.json"), new ConfigLoader(dir));
        ConfigFile.Snapshot before = file.read();
        assertThat(before.exists()).isFalse();
        assertThat(before.check().isValid()).isTrue();

        ConfigFile.SaveResult result = file.save(before, before.document().orElseThrow().put("/app/notifications",
                com.fasterxml.jackson.databind.node.BooleanNode.FALSE));

        assertThat(result).isInstanceOf(ConfigFile.Saved.class);
        assertThat(new ConfigLoader(dir).load(dir.resolve("sub/config.json")).config().orElseThrow().app().notifications()).isFalse();
        assertThat(dir.resolve("sub/config.json.bak")).doesNotExist();
    }

    @Test
    void aFileWithASyntaxErrorCanBeReadButNotEdited() throws Exception {
        Files.writeString(dir.resolve("config.json"), "{ \"pairs\": [ }");

        ConfigFile.Snapshot snapshot = file().read();

        assertThat(snapshot.document()).isEmpty();
        assertThat(snapshot.check().errors()).singleElement().asString().contains("config.json:1:");
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws Exception {
        Path real = Files.createDirectories(dir.resolve("dotfiles")).resolve("calsync.json");
        Files.writeString(real, "{}\n");
        Files.createSymbolicLink(dir.resolve("config.json"), real);
        ConfigFile file = file();
        ConfigFile.Snapshot before = file.read();

        file.save(before, before.document().orElseThrow().put("/app/notifications", com.fasterxml.jackson.databind.node.BooleanNode.TRUE));

        assertThat(Files.isSymbolicLink(dir.resolve("config.json"))).isTrue();
        assertThat(Files.readString(real)).contains("\"notifications\": true");
        assertThat(Files.readString(real.resolveSibling("calsync.json.bak"))).isEqualTo("{}\n");
        assertThat(Optional.of(file.read().check().isValid())).contains(true);
    }
}
