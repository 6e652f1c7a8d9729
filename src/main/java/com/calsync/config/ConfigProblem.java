package com.calsync.config;

/**
 * One thing wrong (or odd) in a config file, located precisely enough for an editor to jump to.
 *
 * @param file     the file as shown to the user
 * @param path     the key path inside the file: {@code pairs[0].mode}; empty for the whole file
 * @param line     1-based line, 0 when unknown (the file could not be read)
 * @param column   1-based column in characters
 * @param message  what is wrong and what is allowed
 * @param severity errors stop the config from loading, warnings do not
 */
public record ConfigProblem(String file, String path, int line, int column, String message, Severity severity) {

    /** Whether a problem stops the config from loading. */
    public enum Severity { ERROR, WARNING }

    /** {@code file:line:col: path: message}, with {@code warning: } before the path for warnings. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line).append(':').append(column);
        }
        s.append(": ");
        if (severity == Severity.WARNING) {
            s.append("warning: ");
        }
        if (!path.isEmpty()) {
            s.append(path).append(": ");
        }
        return s.append(message).toString();
    }
}
