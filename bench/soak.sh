#!/usr/bin/env bash
# Soak test of failover on the local lab, through the CLI: CYCLES times (default 100) kill -9 the
# master's keepalived, wait until the backup holds the VIP, restore, wait until the master serves
# again. A monitor (probe every 100 ms) runs the whole time. Prints:
#   - split brains seen (goal 0): ALERT lines of the monitor about two MASTERs;
#   - requests lost outside the outage windows (goal 0): failed probes whose time is not inside
#     a window [fault .. backup serving] or [restore .. master serving];
#   - the controller's memory at the first, middle and last cycle: the monitor JVM's resident set,
#     and its live heap (used after a full GC, by jcmd). The resident set grows while the JVM takes
#     heap it has not needed yet; a leak shows in the live heap.
# Bounded: every command has a timeout and the whole run stops after CYCLES x 2 minutes.
# Needs root; holds the end-to-end lab lock; installs the lab on local-lab first. Leaves the lab up.
#   bench/soak.sh            100 cycles
#   bench/soak.sh 10         10 cycles
set -euo pipefail
cd "$(dirname "$0")/.."
export HALAB_LANG=en  # the summary below reads the monitor's English lines
cycles="${1:-100}"
profile="${SOAK_PROFILE:-local-lab}"
jar="${HALAB_JAR:-target/halab.jar}"
[ "$(id -u)" -eq 0 ] || { echo "soak: needs root (the local lab)" >&2; exit 2; }
[[ "$cycles" =~ ^[1-9][0-9]*$ ]] || { echo "soak: CYCLES must be a positive number" >&2; exit 2; }
[ -f "$jar" ] || mvn -B -q -DskipTests package
lock=/var/lib/halab/e2e-run.lock
mkdir -p /var/lib/halab
if [ -z "${SOAK_LOCKED:-}" ]; then
  exec env SOAK_LOCKED=1 "$(dirname "$0")/with-lab-lock" "$0" "$@"
fi

work=$(mktemp -d /tmp/halab-soak.XXXXXX)
log="$work/commands.log"
monitor_log="$work/monitor.log"
windows="$work/windows.txt"
deadline=$(( $(date +%s) + cycles * 120 + 300 ))
halab() { timeout 180 java -jar "$jar" "$@"; }
now() { date +%H:%M:%S.%3N; }
monitor_pid=""
cleanup() { [ -n "$monitor_pid" ] && kill "$monitor_pid" 2>/dev/null; true; }
trap cleanup EXIT

echo "HA Lab soak: $cycles failover cycles on $profile ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)); logs: $work"
halab lab up >>"$log" 2>&1 || { echo "soak: lab up failed; see $log" >&2; exit 1; }
halab install -p "$profile" --yes >>"$log" 2>&1 || { echo "soak: install failed; see $log" >&2; tail -20 "$log" >&2; exit 1; }
# Tomcat compiles its page on the first requests: verify may need a few tries after an install.
ok=""
for _ in $(seq 1 30); do halab verify -p "$profile" >>"$log" 2>&1 && { ok=1; break; }; sleep 2; done
[ -n "$ok" ] || { echo "soak: the installed lab does not verify; see $log" >&2; exit 1; }

java -jar "$jar" monitor -p "$profile" --yes --all-probes --interval 100 --duration $(( cycles * 120 + 120 )) \
  >"$monitor_log" 2>&1 &
monitor_pid=$!
# Wait until the monitor sees an answer through the VIP before the first fault.
for _ in $(seq 1 300); do grep -q -- "-> 200" "$monitor_log" 2>/dev/null && break; sleep 0.2; done

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$monitor_pid/status" 2>/dev/null || echo "?"; }
live_heap_kb() {
  command -v jcmd >/dev/null || { echo "?"; return; }
  timeout 60 jcmd "$monitor_pid" GC.run >/dev/null 2>&1 || { echo "?"; return; }
  timeout 60 jcmd "$monitor_pid" GC.heap_info 2>/dev/null | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1
}
middle=$(( (cycles + 1) / 2 ))
memory=""
# Polls "halab verify" (all requests served by the profile's master) until it passes; 60 s at most.
wait_master() {
  for _ in $(seq 1 60); do
    halab verify -p "$profile" >>"$log" 2>&1 && return 0
    sleep 1
  done
  return 1
}

failed=0
for cycle in $(seq 1 "$cycles"); do
  if [ "$(date +%s)" -gt "$deadline" ]; then echo "soak: time bound reached at cycle $cycle" >&2; failed=1; break; fi
  start=$(now)
  if ! halab failover -p "$profile" --node=master --how=kill --yes >>"$log" 2>&1; then
    echo "soak: cycle $cycle: the backup did not take over; see $log" >&2; failed=1; break
  fi
  echo "$start $(now)" >>"$windows"
  start=$(now)
  halab restore -p "$profile" --yes >>"$log" 2>&1 || { echo "soak: cycle $cycle: restore failed" >&2; failed=1; break; }
  if ! wait_master; then echo "soak: cycle $cycle: the master did not serve again" >&2; failed=1; break; fi
  echo "$start $(now)" >>"$windows"
  if [ "$cycle" -eq 1 ] || [ "$cycle" -eq "$middle" ] || [ "$cycle" -eq "$cycles" ]; then
    memory="$memory  cycle $cycle: resident $(rss_kb) kB, live heap $(live_heap_kb) kB"$'\n'
  fi
  printf '\rcycle %d/%d done' "$cycle" "$cycles"
done
echo
sleep 2
kill "$monitor_pid" 2>/dev/null || true
wait "$monitor_pid" 2>/dev/null || true
monitor_pid=""

split_brains=$(grep -c "ALERT Split brain" "$monitor_log" || true)
probes_failed=$(grep -c "failed after" "$monitor_log" || true)
# A failed probe is lost outside the windows when the time it was SENT is in no window. The monitor
# prints the time an answer (or the failure) arrived; a request sent just before the window closed
# can fail a second later, so the send time is that time minus "failed after N ms".
lost_outside=$(awk 'function ms(t, p) { split(t, p, /[:.]/); return ((p[1] * 60 + p[2]) * 60 + p[3]) * 1000 + p[4] }
  NR == FNR { from[NR] = ms($1); to[NR] = ms($2); n = NR; next }
  /failed after/ { latency = 0
    for (f = 1; f < NF; f++) if ($f == "after") { latency = $(f + 1) + 0; break }
    sent = ms($1) - latency; inside = 0
    for (i = 1; i <= n; i++) if (sent >= from[i] && sent <= to[i]) { inside = 1; break }
    if (!inside) { lost++; print "lost outside an outage window: " $0 > "/dev/stderr" } }
  END { print lost + 0 }' "$windows" "$monitor_log")
probes_total=$(grep -c "GET " "$monitor_log" || true)
echo "cycles completed:                     $(wc -l <"$windows" | awk '{ print int($1 / 2) }') of $cycles"
echo "split brains seen (goal 0):           $split_brains"
echo "probe requests:                       $probes_total ($probes_failed failed, all inside outage windows unless below)"
echo "requests lost outside outages (goal 0): $lost_outside"
echo "controller memory (monitor JVM):"
printf '%s' "$memory"
[ "$failed" -eq 0 ] && [ "$split_brains" -eq 0 ] && [ "$lost_outside" -eq 0 ]
