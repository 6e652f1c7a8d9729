package com.calsync.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates command objects for picocli, handing the {@link CliEnvironment} to every command
 * whose constructor takes one; other classes (picocli's own) go to the default factory.
 */
final class CliFactory implements CommandLine.IFactory {
    private final CliEnvironment environment;

    CliFactory(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        try {
            Constructor<K> withEnvironment = cls.getDeclaredConstructor(CliEnvironment.class);
            return withEnvironment.newInstance(environment);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
