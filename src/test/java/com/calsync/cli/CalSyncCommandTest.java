package com.calsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.calsync.platform.Os;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line adds only the subcommand the arguments name: picocli's reflection over all of them costs start-up time. */
class CalSyncCommandTest {
    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CliEnvironment environment() {
        return new CliEnvironment(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), Clock.systemUTC(), Os.LINUX, home);
    }

    @Test
    void everySubcommandIsListedUnderItsOwnName() {
        CalSyncCommand.SUBCOMMANDS.forEach((name, type) ->
                assertThat(type.getAnnotation(CommandLine.Command.class).name()).isEqualTo(name));
        assertThat(CalSyncCommand.commandLine(environment()).getSubcommands().keySet())
                .containsExactlyElementsOf(CalSyncCommand.SUBCOMMANDS.keySet());
    }

    @Test
    void argumentsNamingACommandGetThatOneUsageOrATypoGetAllAndTheTrayAppNone() {
        assertThat(CalSyncCommand.subcommandsNeededFor(new String[] {"--home", "sync", "config", "check"}))
                .containsExactly("config");
        assertThat(CalSyncCommand.subcommandsNeededFor(new String[] {"sync", "--dry-run"})).containsExactly("sync");
        assertThat(CalSyncCommand.subcommandsNeededFor(new String[] {"--home=/h", "restore", "x"})).containsExactly("restore");
        assertThat(CalSyncCommand.subcommandsNeededFor(new String[] {})).isEmpty();
        assertThat(CalSyncCommand.subcommandsNeededFor(new String[] {"--home", "/h"})).isEmpty();
        assertThat(CalSyncCommand.subcommandsNeededFor(new String[] {"--version"})).isEmpty();
        for (String[] all : List.of(new String[] {"help"}, new String[] {"--help"}, new String[] {"syn"},
                new String[] {"--bogus", "sync"})) {
            assertThat(CalSyncCommand.subcommandsNeededFor(all)).as("%s", List.of(all))
                    .containsExactlyElementsOf(CalSyncCommand.SUBCOMMANDS.keySet());
        }
    }

    @Test
    void theLazyCommandLineAnswersAsTheFullOne() {
        for (String[] args : List.of(new String[] {"config", "check", "--home", home.toString()}, new String[] {"syn"},
                new String[] {"help"}, new String[] {"sync", "--bogus"})) {
            int lazy = CalSyncCommand.commandLine(environment(), args).execute(args);
            String lazyOut = out.toString() + "|" + err.toString();
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            int full = CalSyncCommand.commandLine(environment()).execute(args);
            assertThat(lazy).isEqualTo(full);
            assertThat(lazyOut).as("%s", List.of(args)).isEqualTo(out + "|" + err);
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
        }
    }
}
