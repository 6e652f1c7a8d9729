package com.calsync.config;

import com.calsync.sync.ConflictPolicy;
import com.calsync.sync.SyncMode;

/**
 * One synced pair of calendars.
 *
 * @param name     unique name, used on the command line ({@code --pair}) and in state files
 * @param source   key of the source calendar under {@code calendars}
 * @param target   key of the target calendar
 * @param mode     mirror (default) or two-way
 * @param conflict two-way conflict policy; always {@link ConflictPolicy#SOURCE_WINS} for a mirror
 * @param enabled  false keeps the pair in the file but out of every run
 * @param sync     the {@code sync} keys this pair overrides
 */
public record PairConfig(
        String name,
        String source,
        String target,
        SyncMode mode,
        ConflictPolicy conflict,
        boolean enabled,
        SyncOverrides sync) {
}
