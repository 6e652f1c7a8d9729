package com.calsync.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * packaging/macos/sign.sh in its dry-run mode, on a CalSync.app laid out like jpackage's with the
 * real JNA and sqlite-jdbc jars: which code it signs, in which order, with which options. codesign,
 * notarytool and stapler themselves run only on a Mac (the macOS workflow signs ad hoc and verifies).
 */
@Tag("external")
class MacSigningScriptTest {
    private static final String IDENTITY = "Developer ID Application: Example (TEAM123456)";

    @TempDir
    Path dir;

    private Path app;

    private record Run(int exitCode, List<String> commands, String output) {
    }

    private Run sign(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("packaging/macos/sign.sh").toAbsolutePath().toString(),
                "--dry-run"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("CALSYNC_SIGN_IDENTITY");
        pb.environment().remove("CALSYNC_NOTARY_PROFILE");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> commands = out.lines().filter(l -> l.startsWith("+ ")).map(l -> l.substring(2)).toList();
        return new Run(p.exitValue(), commands, out);
    }

    private void layOutApp() throws Exception {
        app = dir.resolve("CalSync.app");
        Path contents = app.resolve("Contents");
        executable(contents.resolve("MacOS/CalSync"));
        Files.createDirectories(contents.resolve("app"));
        Files.copy(jarOf(com.sun.jna.Native.class), contents.resolve("app/jna.jar"));
        Files.copy(jarOf(org.sqlite.JDBC.class), contents.resolve("app/sqlite-jdbc.jar"));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(contents.resolve("app/calsync.jar")))) {
            zip.putNextEntry(new ZipEntry("com/calsync/App.class"));
            zip.write(new byte[] {1, 2, 3});
        }
        Files.createDirectories(contents.resolve("runtime/Contents/Home/lib"));
        Files.writeString(contents.resolve("runtime/Contents/Info.plist"), "<plist/>");
        Files.writeString(contents.resolve("runtime/Contents/Home/lib/libjava.dylib"), "not really Mach-O");
        executable(contents.resolve("runtime/Contents/Home/bin/java"));
        Files.writeString(contents.resolve("Info.plist"), "<plist/>");
    }

    private static Path jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static void executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void withAnIdentityEveryNativeIsSignedInsideOutWithTheHardenedRuntimeAndATimestamp() throws Exception {
        layOutApp();
        Run run = sign(Map.of("CALSYNC_SIGN_IDENTITY", IDENTITY), app.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        List<String> codesign = run.commands().stream().filter(c -> c.startsWith("codesign --force")).toList();

        assertThat(codesign).allSatisfy(c -> assertThat(c).contains("--timestamp --options runtime --sign Developer\\ ID"));
        assertThat(codesign).anySatisfy(c -> assertThat(c).endsWith("com/sun/jna/darwin-aarch64/libjnidispatch.jnilib"))
                .anySatisfy(c -> assertThat(c).endsWith("com/sun/jna/darwin-x86-64/libjnidispatch.jnilib"))
                .anySatisfy(c -> assertThat(c).endsWith("org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib"))
                .anySatisfy(c -> assertThat(c).endsWith("org/sqlite/native/Mac/x86_64/libsqlitejdbc.dylib"))
                .noneSatisfy(c -> assertThat(c).contains("Linux/").endsWith(".so"));
        assertThat(run.commands()).anySatisfy(c -> assertThat(c).contains(" uf ").contains("jna.jar")
                        .contains("com/sun/jna/darwin-aarch64/libjnidispatch.jnilib"))
                .anySatisfy(c -> assertThat(c).contains(" uf ").contains("sqlite-jdbc.jar"))
                .noneSatisfy(c -> assertThat(c).contains(" uf ").contains("calsync.jar"));

        int lib = indexOf(codesign, "runtime/Contents/Home/lib/libjava.dylib");
        int java = indexOf(codesign, "runtime/Contents/Home/bin/java");
        int runtime = indexOf(codesign, "Contents/runtime");
        int bundle = codesign.size() - 1;
        assertThat(lib).isNotNegative().isLessThan(runtime);
        assertThat(java).isNotNegative().isLessThan(runtime);
        assertThat(runtime).isLessThan(bundle);
        assertThat(codesign.get(bundle)).contains("--entitlements").endsWith("CalSync.app");
        assertThat(codesign).as("the launcher is signed with the bundle, not on its own")
                .noneSatisfy(c -> assertThat(c).endsWith("MacOS/CalSync"));
        assertThat(run.commands().get(run.commands().size() - 1)).startsWith("codesign --verify --deep --strict");
    }

    @Test
    void withoutAnIdentityTheAppIsSignedAdHoc() throws Exception {
        layOutApp();
        Run run = sign(Map.of(), app.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("signing ad hoc");
        assertThat(run.commands().stream().filter(c -> c.startsWith("codesign --force")))
                .isNotEmpty().allSatisfy(c -> assertThat(c).contains("--timestamp=none --options runtime --sign -"));
    }

    @Test
    void theDiskImageIsSignedNotarizedWaitedForAndStapledOnlyWithAnIdentityAndAProfile() throws Exception {
        Path dmg = Files.writeString(dir.resolve("CalSync-0.1.0.dmg"), "dmg");

        Run full = sign(Map.of("CALSYNC_SIGN_IDENTITY", IDENTITY, "CALSYNC_NOTARY_PROFILE", "calsync-notary"), "--dmg", dmg.toString());
        assertThat(full.exitCode()).as(full.output()).isZero();
        assertThat(full.commands()).hasSize(4);
        assertThat(full.commands().get(0)).startsWith("codesign --force --timestamp --sign Developer\\ ID").endsWith(".dmg");
        assertThat(full.commands().get(1)).startsWith("xcrun notarytool submit").contains("--keychain-profile calsync-notary")
                .contains("--wait");
        assertThat(full.commands().get(2)).startsWith("xcrun stapler staple");
        assertThat(full.commands().get(3)).startsWith("xcrun stapler validate");

        Run noProfile = sign(Map.of("CALSYNC_SIGN_IDENTITY", IDENTITY), "--dmg", dmg.toString());
        assertThat(noProfile.commands()).singleElement().asString().startsWith("codesign");
        assertThat(noProfile.output()).contains("CALSYNC_NOTARY_PROFILE is not set");

        Run adHoc = sign(Map.of(), "--dmg", dmg.toString());
        assertThat(adHoc.commands()).isEmpty();
        assertThat(adHoc.output()).contains("stays unsigned and un-notarized");
    }

    @Test
    void everyShellScriptIsShellcheckClean() throws Exception {
        List<String> command = new ArrayList<>(List.of("shellcheck", "packaging/build.sh", "packaging/macos/sign.sh",
                "packaging/linux/tray-test.sh", ".ci/run", ".ci/test-all.sh", ".ci/install-test-deps.sh"));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("shellcheck is needed for this test: apt-get install shellcheck (.ci/install-test-deps.sh does)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private static int indexOf(List<String> commands, String suffix) {
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).endsWith(suffix)) {
                return i;
            }
        }
        return -1;
    }
}
