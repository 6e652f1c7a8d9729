package com.calsync.cli;

/** What {@code calsync --version} prints: the jar's version plus the Java and OS, which bug reports need. */
final class VersionText {
    private VersionText() {
    }

    static String[] lines(CliEnvironment environment) {
        String version = VersionText.class.getPackage().getImplementationVersion();
        return new String[] {
            "calsync " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version") + ", " + environment.os().name() + " "
                    + System.getProperty("os.arch")
        };
    }
}
