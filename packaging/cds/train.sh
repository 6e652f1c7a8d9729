#!/usr/bin/env bash
# Builds CalSync's class-data-sharing archive (JDK 17 AppCDS): runs the commands people use, each
# in its own JVM, records the classes they load (-XX:DumpLoadedClassList), and dumps one static
# archive from the merged list (-Xshare:dump). A JVM started with -XX:SharedArchiveFile=ARCHIVE
# then maps those classes already parsed and verified instead of reading them from jars.
#
#   packaging/cds/train.sh ARCHIVE CALSYNC...
#
#   ARCHIVE   the archive to write (e.g. target/calsync.jsa)
#   CALSYNC   how to run CalSync: java -jar target/calsync.jar, or the packaged launcher
#             target/dist/CalSync/bin/CalSync. The archive only works with exactly this JVM and
#             class path, so it is trained and dumped through the same command.
#
# JVM options reach the JVM through JAVA_TOOL_OPTIONS, which every launcher honours (jpackage's
# too). With xandikos installed, a CalDAV mirror into a local Xandikos is trained as well
# (java.net.http, StAX and the CalDAV store are a third of a CalDAV sync's classes); with
# CALSYNC_TRAIN_TRAY=1 (and Xvfb, trayer, xwininfo) the menu-bar app starts once on a virtual
# display. CALSYNC_CLASSLIST_OUT=FILE keeps the merged class list (a package re-dumps the archive
# from it where it is installed: JDK 17 archives only fit the paths they were dumped with).
# Classes picocli ships for Java 5 cannot be archived by JDK 17 (it says "Old class has been
# linked"); the quick commands do not load picocli at all.
set -euo pipefail

[ $# -ge 2 ] || { echo "usage: $0 ARCHIVE CALSYNC..." >&2; exit 2; }
archive=$(readlink -f "$1")
shift
calsync=("$@")

work=$(mktemp -d "${TMPDIR:-/tmp}/calsync-cds.XXXXXX")
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
export CALSYNC_HOME="$work/home"
unset DISPLAY WAYLAND_DISPLAY  # no command may open the tray app by accident
n=0

# Runs CalSync once, recording its classes; its exit code does not matter (errors are paths too).
record() {
  n=$((n + 1))
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/$n.classlist" "${calsync[@]}" "$@" >"$work/$n.out" 2>&1 || true
}

record --version
record status
record help
record config check
record sync            # first run: writes the demo config, mirrors the sample feed into a folder
record sync --json     # nothing changed

# the service: a foreground daemon, the commands that talk to it, then a graceful stop
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/daemon.classlist" "${calsync[@]}" daemon >"$work/daemon.out" 2>&1 &
daemon=$!
pids+=("$daemon")
for _ in $(seq 300); do [ -S "$CALSYNC_HOME/state/calsync.sock" ] && break; sleep 0.1; done
record status
record pause
record resume
record test
record stop
wait "$daemon" 2>/dev/null || true

if command -v xandikos >/dev/null 2>&1; then
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  xandikos -d "$work/xandikos" -l 127.0.0.1 -p "$port" --defaults >"$work/xandikos.out" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/health')" 2>/dev/null && break
    sleep 0.1
  done
  cat >"$CALSYNC_HOME/config.json" <<EOF
{
  "accounts": { "local": { "type": "caldav", "url": "http://127.0.0.1:$port/" } },
  "calendars": {
    "sample": { "type": "feed", "url": "$CALSYNC_HOME/state/demo/sample-calendar.ics" },
    "dav": { "account": "local", "path": "/user/calendars/calendar/" }
  },
  "pairs": [ { "name": "train", "source": "sample", "target": "dav", "mode": "mirror" } ]
}
EOF
  record sync          # first sync: discovery, PUTs
  record sync          # sync-collection, nothing changed
else
  echo "train.sh: xandikos is not installed; the archive leaves out the CalDAV classes" >&2
fi

if [ "${CALSYNC_TRAIN_TRAY:-0}" = 1 ]; then
  # the menu-bar app on a virtual display with a tray host, as packaging/linux/tray-test.sh runs it:
  # start, icon, the first runs of its pairs (the CalDAV one too, when trained above), then SIGTERM,
  # which stops the service as Quit would
  if command -v Xvfb >/dev/null && command -v trayer >/dev/null && command -v xwininfo >/dev/null; then
    display=:$(( 300 + RANDOM % 100 ))
    Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
    pids+=($!)
    for _ in $(seq 50); do DISPLAY=$display xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done
    DISPLAY=$display trayer --edge top --align right --widthtype request --height 32 --SetDockType true \
      --transparent false --tint 0x333333 >/dev/null 2>&1 &
    pids+=($!)
    sleep 1
    DISPLAY=$display JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/tray.classlist" "${calsync[@]}" >"$work/tray.out" 2>&1 &
    tray=$!
    pids+=("$tray")
    for _ in $(seq 600); do DISPLAY=$display xwininfo -root -tree 2>/dev/null | grep -q JavaEmbeddedFrame && break; sleep 0.1; done
    # JavaFX starts on the first click on the icon: click it once, so the popover's classes are archived too
    sleep 1
    if command -v java >/dev/null; then
      read -r w h x y < <(DISPLAY=$display xwininfo -root -tree | grep JavaEmbeddedFrame | head -1 |
        sed -E 's/.* ([0-9]+)x([0-9]+)\+-?[0-9]+\+-?[0-9]+ +\+(-?[0-9]+)\+(-?[0-9]+).*/\1 \2 \3 \4/')
      DISPLAY=$display java "$(dirname "$0")/../linux/ClickAt.java" $((x + w / 2)) $((y + h / 2)) || true
      for _ in $(seq 300); do grep -qh "popover shown" "$CALSYNC_HOME"/logs/*.log 2>/dev/null && break; sleep 0.1; done
    fi
    # the pairs' first runs come about 3 s after start
    for _ in $(seq 300); do grep -q '"sync_count" : [1-9]' "$CALSYNC_HOME/state/status.json" 2>/dev/null && break; sleep 0.1; done
    sleep 2
    kill -TERM "$tray" 2>/dev/null || true
    wait "$tray" 2>/dev/null || true
  else
    echo "train.sh: no Xvfb, trayer or xwininfo; the archive leaves out the menu-bar app" >&2
  fi
fi

# one list, each class once, in first-seen order
cat "$work"/*.classlist | grep -v '^#' | awk '!seen[$0]++' >"$work/all.classlist"
rm -f "$archive"
# -Xshare:dump exits after writing the archive; old-format and JFR classes are skipped with a warning
JAVA_TOOL_OPTIONS="-Xshare:dump -XX:SharedClassListFile=$work/all.classlist -XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off" \
  "${calsync[@]}" >"$work/dump.out" 2>&1 || true
if [ ! -s "$archive" ]; then
  echo "train.sh: no archive was written; the JVM said:" >&2
  tail -20 "$work/dump.out" >&2
  exit 1
fi
if [ -n "${CALSYNC_CLASSLIST_OUT:-}" ]; then
  cp "$work/all.classlist" "$CALSYNC_CLASSLIST_OUT"
fi
echo "train.sh: $(grep -c . "$work/all.classlist") classes recorded, archive $archive ($(( $(stat -c %s "$archive") / 1048576 )) MB)"
