package com.calsync.service;

import com.calsync.config.CalSyncPaths;
import com.calsync.platform.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folders that hold someone's calendars in other forms — state (sync databases, the
 * journal's copies of events, status.json, the control socket) and logs — made private on every
 * start: folders 0700, files 0600. Fixes what an older version or a copy left readable by other
 * users, and says so once in the log.
 */
public final class PrivateFolders {
    private PrivateFolders() {
    }

    /** The folders kept private: state, journal (inside state unless moved) and logs. */
    static Set<Path> of(CalSyncPaths paths) {
        return new LinkedHashSet<>(List.of(paths.stateDir(), paths.journalDir(), paths.logDir()));
    }

    /** Makes them private (those that exist); problems are logged, never fatal. @return how many paths changed */
    public static int secure(CalSyncPaths paths) {
        // the logger only here: `calsync status` asks for warnings() on its JDK-only fast path
        Logger log = LoggerFactory.getLogger(PrivateFolders.class);
        // Files CalSync made inside its own private folders were never open to anyone else: tightening
        // them is housekeeping. Only a folder others could enter is news worth a warning.
        boolean exposed = of(paths).stream().anyMatch(f -> PrivateFiles.openToOthers(f).isPresent());
        List<Path> changed = new ArrayList<>();
        for (Path folder : of(paths)) {
            try {
                changed.addAll(PrivateFiles.makePrivate(folder));
            } catch (IOException e) {
                log.warn("could not make {} private (readable by you alone): {}", folder, e.getMessage());
            }
        }
        if (!changed.isEmpty() && !exposed) {
            log.debug("{} file(s) CalSync made inside its private folders set to 0600/0700, e.g. {}", changed.size(),
                    changed.get(0));
        } else if (!changed.isEmpty()) {
            log.warn("{} file(s) and folder(s) were readable by other users and are now private to you (folders 0700,"
                    + " files 0600), e.g. {}", changed.size(), changed.get(0));
        }
        return changed.size();
    }

    /** One warning per folder that other users may read, saying how to fix it. */
    public static List<String> warnings(CalSyncPaths paths) {
        List<String> warnings = new ArrayList<>();
        for (Path folder : of(paths)) {
            PrivateFiles.openToOthers(folder).ifPresent(perms -> warnings.add(folder + " can be read by other users ("
                    + perms + "); it holds your calendars' data. CalSync makes it private on its next start,"
                    + " or run: chmod -R go-rwx '" + folder + "'"));
        }
        return warnings;
    }
}
