package com.calsync.cli;

import picocli.CommandLine;

/** {@code calsync --version}: the jar's version plus the Java and OS, which bug reports need. */
final class VersionProvider implements CommandLine.IVersionProvider {
    private final CliEnvironment environment;

    VersionProvider(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {
            "calsync " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version") + ", " + environment.os().name() + " "
                    + System.getProperty("os.arch")
        };
    }
}
