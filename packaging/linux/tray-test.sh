#!/usr/bin/env bash
# The tray tests on a virtual X server with a tray host, as a Linux user's desktop would have:
#   packaging/linux/tray-test.sh            Maven's tray tests (@Tag("tray"))
#   packaging/linux/tray-test.sh app-image  starts the packaged app (packaging/build.sh app-image
#                                           first), waits for its tray icon, prints launch time and
#                                           idle memory/CPU over IDLE_SECONDS (default 60) with the
#                                           busiest threads, then clicks the icon (ClickAt.java),
#                                           prints how long the first popover took (JavaFX starts on
#                                           that click), closes it and measures idle again over
#                                           IDLE_AFTER_OPEN_SECONDS (default 30; 0 skips), quits it
# Needs Debian's xvfb, trayer, x11-utils (xwininfo) and libgtk-3-0 (installs them when missing and root),
# and a JDK's java on PATH for ClickAt.java.
set -euo pipefail
cd "$(dirname "$0")/../.."

need=(xvfb trayer x11-utils libgtk-3-0)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || { echo "tray-test: install ${missing[*]} first" >&2; exit 1; }
  DEBIAN_FRONTEND=noninteractive apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

display=:$(( 90 + RANDOM % 100 ))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
pids=("$xvfb")
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
export DISPLAY=$display
for _ in $(seq 50); do xwininfo -root >/dev/null 2>&1 && break; sleep 0.1; done
trayer --edge top --align right --widthtype request --height 32 --SetDockType true \
  --transparent true --alpha 0 --tint 0x333333 >/dev/null 2>&1 &
pids+=($!)
sleep 1

if [ "${1:-}" != app-image ]; then
  mvn -B -o test-compile -q && mvn -B -o surefire:test@tray-tests -DskipTrayTests=false
  exit
fi

app=target/dist/CalSync/bin/CalSync
[ -x "$app" ] || { echo "tray-test: no $app; run packaging/build.sh app-image" >&2; exit 1; }
home=$(mktemp -d)
start=$(date +%s%N)
CALSYNC_HOME="$home" "$app" >"$home/app.log" 2>&1 &
app_pid=$!
pids=("$app_pid" "${pids[@]}")
until xwininfo -root -tree | grep -q JavaEmbeddedFrame; do
  kill -0 "$app_pid" 2>/dev/null || { echo "tray-test: the app exited:"; cat "$home/app.log"; exit 1; }
  [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt 60 ] || { echo "tray-test: no tray icon after 60 s"; exit 1; }
  sleep 0.05
done
shown_ms=$(( ($(date +%s%N) - start) / 1000000 ))
hz=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
# CPU time is the steadier figure on a shared machine: wall time there is mostly waiting for a core
echo "tray icon shown $shown_ms ms after launch, after $(( $(ticks) * 1000 / hz )) ms of the app's CPU (load $(cut -d' ' -f1 /proc/loadavg))"
# utime+stime of each thread: "tid ticks name" per line
thread_ticks() {
  for t in /proc/"$app_pid"/task/*; do
    awk -v name="$(tr ' ' _ <"$t/comm")" -v tid="${t##*/}" '{ print tid, $14 + $15, name }' "$t/stat" 2>/dev/null || true
  done
}
# CPU % of a core over $1 seconds, RSS, and the threads that used CPU meanwhile
measure_idle() {
  local what=$1 secs=$2 before after t0 t1 rss
  before=$(thread_ticks)
  t0=$(ticks)
  sleep "$secs"
  t1=$(ticks)
  after=$(thread_ticks)
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status")
  awk -v d=$((t1 - t0)) -v hz="$hz" -v s="$secs" -v rss="$rss" -v what="$what" -v load="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { printf "%s over %d s: CPU %.2f %% of a core, RSS %d MB (load %s)\n", what, s, 100 * d / hz / s, rss / 1024, load }'
  # per thread: the ticks it used in the window (a thread that came or went counts from 0)
  awk -v hz="$hz" 'NR == FNR { b[$1] = $2; next } { d = $2 - b[$1]; if (d > 0) printf "  %5d ms  %s\n", d * 1000 / hz, $3 }' \
    <(echo "$before") <(echo "$after") | sort -rn | head -6
}
sleep 5  # let start-up work settle before measuring idle
measure_idle "idle, JavaFX not started," "${IDLE_SECONDS:-60}"
after_open=${IDLE_AFTER_OPEN_SECONDS:-30}
if [ "$after_open" -gt 0 ]; then
  # the icon's centre, from the embedded frame's absolute position (as TrayIconTest finds it)
  read -r w h x y < <(xwininfo -root -tree | grep JavaEmbeddedFrame | head -1 |
    sed -E 's/.* ([0-9]+)x([0-9]+)\+-?[0-9]+\+-?[0-9]+ +\+(-?[0-9]+)\+(-?[0-9]+).*/\1 \2 \3 \4/')
  c0=$(ticks)
  java packaging/linux/ClickAt.java $((x + w / 2)) $((y + h / 2))
  for _ in $(seq 300); do grep -qh "popover shown" "$home"/logs/*.log 2>/dev/null && break; sleep 0.1; done
  c1=$(ticks)
  if ! grep -qh "popover shown" "$home"/logs/*.log 2>/dev/null; then
    echo "tray-test: no popover 30 s after a click on the icon:"; grep -h "ERROR\|WARN" "$home"/logs/*.log; exit 1
  fi
  grep -h "popover shown" "$home"/logs/*.log | sed -E 's/.*(popover shown)/first click: \1/'
  # the app's CPU from just before the click until the popover was up (it idles while ClickAt's JVM starts)
  echo "  the app used $(( (c1 - c0) * 1000 / hz )) ms of CPU for it (load $(cut -d' ' -f1 /proc/loadavg))"
  sleep 2
  java packaging/linux/ClickAt.java $((x + w / 2)) $((y + h / 2))  # the second click closes it
  sleep 5
  measure_idle "idle after the popover was opened and closed," "$after_open"
fi
kill "$app_pid"
wait "$app_pid" 2>/dev/null || true
echo "tray-test: app-image OK"
