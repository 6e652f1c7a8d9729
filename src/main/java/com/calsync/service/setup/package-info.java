/**
 * What the Settings window does, without its widgets: sign in to a CalDAV account and store its
 * password in the Keychain / Secret Service, add calendars (discovered, a folder, a feed checked
 * by fetching it once, a calendar on this Mac), preview a pair with a dry run, and save it all to
 * config.json in place ({@link com.calsync.config.ConfigFile}) so the running service reloads it
 * and starts the first sync. Every failure comes back as a {@link com.calsync.service.setup.SetupProblem}
 * that says what happened and what to do.
 */
package com.calsync.service.setup;
