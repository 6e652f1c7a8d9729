package com.calsync.cli;

import com.calsync.service.PrivateFolders;
import com.calsync.service.ServiceSnapshot;
import com.calsync.service.ServiceState;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code calsync status}: live from the running service, else the last status.json marked not
 * running. Exit 0 when running, 1 when not (so scripts can test it), as the seed's status did.
 */
@Command(name = "status", description = "Show whether CalSync runs, its last and next sync, counts and each pair's last result.")
final class StatusCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print status.json's fields as JSON (format in the README).")
    boolean json;

    StatusCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws IOException {
        ServiceControl control = new ServiceControl(environment, CalSyncCommand.root(spec));
        Optional<ServiceSnapshot> status = control.status();
        if (json) {
            // never run: the same object with zero counts, so scripts read one shape
            ServiceSnapshot shown = status.orElseGet(() -> new ServiceSnapshot(false, 0, null, null, ServiceState.STOPPED, null, null, null,
                    0, 0, null, control.paths().configFile().toString(), null, java.util.List.of(), java.util.List.of(), null));
            environment.out().println(control.client().json().writerWithDefaultPrettyPrinter().writeValueAsString(shown));
        } else if (status.isEmpty()) {
            environment.out().println("CalSync is not running and has not run yet for " + control.paths().stateDir()
                    + "; `calsync start` starts it.");
        } else {
            new StatusText(environment.clock().getZone()).render(status.get()).forEach(environment.out()::println);
        }
        if (!json) {
            PrivateFolders.warnings(control.paths()).forEach(w -> environment.err().println("warning: " + w));
        }
        environment.out().flush();
        return status.map(ServiceSnapshot::running).orElse(false) ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }
}
