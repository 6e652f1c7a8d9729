package com.calsync.config;

import com.calsync.sync.ConflictPolicy;
import com.calsync.sync.SyncMode;
import com.calsync.sync.transform.PairTransform;
import java.util.Objects;
import java.util.Optional;

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
 * @param transform what events undergo on their way to the target ({@code copy}, {@code skip},
 *                  {@code title_prefix}…); {@link PairTransform#NONE} by default
 * @param wholeAccount for {@code "source": "account:pattern"}, the calendars it covers and where
 *                  each goes; {@code source} and {@code target} then hold the texts as written
 */
public record PairConfig(
        String name,
        String source,
        String target,
        SyncMode mode,
        ConflictPolicy conflict,
        boolean enabled,
        SyncOverrides sync,
        PairTransform transform,
        Optional<WholeAccount> wholeAccount) {

    public PairConfig {
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(wholeAccount, "wholeAccount");
    }

    /** A pair of two calendars that copies events as they are. */
    public PairConfig(String name, String source, String target, SyncMode mode, ConflictPolicy conflict,
                      boolean enabled, SyncOverrides sync) {
        this(name, source, target, mode, conflict, enabled, sync, PairTransform.NONE, Optional.empty());
    }
}
