package com.calsync.service.setup;

import com.calsync.config.CalSyncConfig;
import com.calsync.config.ConfigFile;
import com.calsync.config.ConfigProblem;
import java.util.List;
import java.util.Optional;

/**
 * config.json as the Settings window last read or wrote it: what it shows, and what the next
 * change is made against (a change made elsewhere since is detected, not overwritten).
 */
public record SetupState(ConfigFile.Snapshot snapshot) {

    /** The config, when the file is valid. */
    public Optional<CalSyncConfig> config() {
        return snapshot.check().config();
    }

    /** Whether the window can change the file (it is JSON and UTF-8). */
    public boolean editable() {
        return snapshot.document().isPresent();
    }

    /** What {@code calsync config check} says is wrong with the file. */
    public List<ConfigProblem> errors() {
        return snapshot.check().errors();
    }
}
