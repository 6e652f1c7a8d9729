package com.calsync.sync;

/**
 * Which calendars one run of a whole-account pair synced: one of the source account's calendars
 * and the target calendar (or folder) of the same name.
 *
 * @param accountPair   the whole-account pair's name in config.json
 * @param source        the source calendar: its account and display name, {@code icloud:Work}
 * @param target        where its items went: {@code nas:Work}, or the folder
 * @param targetCreated this run made the target calendar (MKCALENDAR) or folder (in a dry run: would make)
 */
public record CalendarRoute(String accountPair, String source, String target, boolean targetCreated) {}
