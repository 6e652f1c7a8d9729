#!/usr/bin/env bash
# Every check the project has, as CI runs it: installs the test dependencies that are missing,
# runs the whole Maven suite (unit, property, real CalDAV servers, GNUstep bridge, headless UI),
# then on Linux the tray tests on a virtual X server with a tray host, and builds the packaged
# app-image and checks that it starts and shows its tray icon.
set -euo pipefail
cd "$(dirname "$0")/.."

.ci/install-test-deps.sh
mvn -B verify
if [ "$(uname -s)" = Linux ]; then
  packaging/linux/tray-test.sh
  packaging/build.sh app-image
  IDLE_SECONDS=${IDLE_SECONDS:-10} packaging/linux/tray-test.sh app-image
fi
