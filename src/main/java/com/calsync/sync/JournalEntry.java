package com.calsync.sync;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A copy of an item saved just before CalSync overwrote or deleted it.
 *
 * @param id     what {@code calsync restore ID} takes: {@code pair/file-name}
 * @param href   where the item lived on its side
 * @param reason why it was overwritten or deleted
 */
public record JournalEntry(String id, String pair, Side side, String key, String title, String href,
                           Instant saved, String reason, Path file) {}
