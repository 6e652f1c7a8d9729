package com.calsync.sync;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one side of a pair holds at the start of a run.
 *
 * @param items      the items taking part, by key
 * @param skipped    the items listed but left out, each with its reason
 * @param leftWindow keys still on the side but out of the window: neither changed nor deleted
 * @param syncToken  the token naming this state, to ask only for changes next time
 * @param fetched    how many items had to be downloaded
 */
public record SideSnapshot(Side side, Map<String, SideItem> items, List<SkippedItem> skipped,
                           Set<String> leftWindow, Optional<String> syncToken, int fetched) {}
