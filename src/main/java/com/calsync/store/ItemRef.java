package com.calsync.store;

/** Where a store put an item: its href and etag (null when the store did not say). */
public record ItemRef(String href, String etag) {}
