#!/usr/bin/env bash
# Failover benchmark on the local lab: each kill method (stop, kill, nginx, net, power) RUNS times
# on the tutorial-like profile (local-lab: VRRPv2, advert 1 s) and on the fast one (local-lab-fast:
# VRRPv3, advert 0.1 s). Prints the median measured outage (fault -> first request answered by the
# new holder, probe every 20 ms) beside the theoretical floor, and the monitor's lag (event seen by
# the monitor minus the event's time on the host). Needs root; takes the shared lab lock.
#   bench/failover-bench.sh            5 runs per method, both profiles
#   bench/failover-bench.sh 3 local-lab-fast
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "failover-bench: needs root (the local lab)" >&2; exit 2; }
build="${HALAB_BUILD_DIR:-target-failover}"
mvn -B -q -o -Dhalab.buildDir="$build" -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile="$build/bench-classpath.txt" >/dev/null
cp="$build/test-classes:$build/classes:$(cat "$build/bench-classpath.txt")"
echo "HA Lab failover benchmark ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ))"
exec bench/with-lab-lock java -Dhalab.projectDir="$PWD" -cp "$cp" dev.halab.failover.FailoverBench "${1:-5}" "${@:2}"
