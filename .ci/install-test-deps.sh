#!/usr/bin/env bash
# Installs what CalSync's tests need that Maven cannot fetch, and only what is missing:
# real CalDAV servers (Radicale, Xandikos) for the CalDAV store's tests, GNUstep's
# Objective-C runtime for the EventKit bridge's tests, and gnome-keyring with libsecret on a
# private D-Bus session for the Secret Service tests, dbus-python with PyGObject for the small
# notification server and settings portal the desktop-integration tests run on their own D-Bus
# session, a virtual X server with a tray host (Xvfb, trayer) and GTK for the tray tests,
# libfaketime for the run on a shifted clock, openssl to make the throw-away CA of the TLS tests,
# and the tools the packaging scripts' tests use (shellcheck, unzip).
# Debian/Ubuntu only; on macOS there is nothing to install (the tests that need these packages
# are Linux-only).
set -euo pipefail

packages=(radicale python3-passlib xandikos curl libgnustep-base1.28 gnome-keyring libsecret-1-0 dbus-daemon
          python3-dbus python3-gi xvfb trayer x11-utils libgtk-3-0 faketime openssl shellcheck unzip)

if [ "$(uname -s)" != Linux ]; then
  echo "install-test-deps: $(uname -s): nothing to install"
  exit 0
fi
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-test-deps: not a Debian-like system; install by hand: ${packages[*]}" >&2
  exit 1
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-test-deps: all present (${packages[*]})"
  exit 0
fi

sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "install-test-deps: installing ${missing[*]}"
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
