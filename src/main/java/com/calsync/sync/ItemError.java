package com.calsync.sync;

/** A change that could not be made this run, with the store's message; retried next run. */
public record ItemError(Side side, String key, String title, String message) {}
