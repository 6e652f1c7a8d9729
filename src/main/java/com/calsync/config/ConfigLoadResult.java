package com.calsync.config;

import java.util.List;
import java.util.Optional;

/**
 * What loading config.json gave: the config when there were no errors, and every problem found
 * (all of them, not just the first).
 */
public record ConfigLoadResult(Optional<CalSyncConfig> config, List<ConfigProblem> errors, List<ConfigProblem> warnings) {
    public ConfigLoadResult {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        if (config.isPresent() != errors.isEmpty()) {
            throw new IllegalArgumentException("a config is present exactly when there are no errors");
        }
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** Errors, then warnings, each in file order. */
    public List<ConfigProblem> problems() {
        return java.util.stream.Stream.concat(errors.stream(), warnings.stream()).toList();
    }
}
