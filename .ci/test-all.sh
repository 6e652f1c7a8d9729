#!/usr/bin/env bash
# Every check the project has, as CI runs it: installs the test dependencies that are missing,
# runs the whole Maven suite (unit, property, real CalDAV servers, GNUstep bridge, headless UI, and
# the UI again on a shifted clock), then on Linux the suite once more 400 days ahead in a far zone
# and a Turkish locale (nothing may depend on today, the machine's zone or its locale), the tray
# tests on a virtual X server with a tray host, and builds the packaged app-image and checks that
# it starts and shows its tray icon.
set -euo pipefail
cd "$(dirname "$0")/.."

.ci/install-test-deps.sh
mvn -B verify
if [ "$(uname -s)" = Linux ]; then
  # libfaketime moves the wall clock of Maven and the test JVMs (monotonic time left alone, or the
  # JVM hangs). Tests that start other processes are tagged `external` and left out: the fake
  # clock is inherited by those processes, and Radicale and the child JVMs misbehave under it.
  # Reading class files (static-analysis) and printing cost figures (figures) depend on no day,
  # and everything runs ~10x slower under libfaketime: those two are left out too.
  # JAVA_TOOL_OPTIONS reaches the forked test JVMs; -D on Maven's command line would not.
  FAKETIME_DONT_FAKE_MONOTONIC=1 TZ=Pacific/Kiritimati JAVA_TOOL_OPTIONS='-Duser.language=tr -Duser.country=TR' \
    faketime -f '+400d' mvn -o -B surefire:test@default-test \
      -Dsurefire.excludedGroups=macos,tray,ui,gnustep,external,static-analysis,figures
  packaging/linux/tray-test.sh
  packaging/build.sh app-image
  IDLE_SECONDS=${IDLE_SECONDS:-10} packaging/linux/tray-test.sh app-image
fi
