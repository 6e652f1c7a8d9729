package com.calsync.cli;

import picocli.CommandLine;

/** {@code calsync --version} for picocli; the lines come from {@link #lines(CliEnvironment)}, which {@link FastPath} prints too. */
final class VersionProvider implements CommandLine.IVersionProvider {
    private final CliEnvironment environment;

    VersionProvider(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String[] getVersion() {
        return VersionText.lines(environment);
    }
}
