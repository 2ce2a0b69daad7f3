#!/usr/bin/env bash
# Desktop app benchmarks, in a real window (GTK under xvfb-run; needs libgtk-3-0 and xvfb):
#   1. time to first frame: JVM start -> first rendered frame of the wizard (goal <= 1.5 s), 5 runs
#   2. log view throughput: lines/s reaching the install screen's log, longest frame
#      (goal: 20 000 lines/s with no frame longer than 100 ms)
#   3. VIP update handed to the dashboard -> VIP badge starts moving (GUI share; goal with the
#      monitor's lag <= 250 ms)
# Usage: bench/gui-bench.sh   (figures are printed; nothing is asserted)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${HALAB_BUILD_DIR:-target-gui}"
mvn -B -q -Dhalab.buildDir="$build" -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile="$build/test-classpath.txt" -Dmdep.includeScope=test | grep -E "ERROR|BUILD" || true
cp="$build/test-classes:$build/classes:$(cat "$build/test-classpath.txt")"
xvfb=(xvfb-run -a -s "-screen 0 1280x800x24")
fx=(-Dprism.order=sw -Dglass.platform=gtk)

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores: figures grow with other work on the machine)"
echo "== time to first frame (java -jar $build/halab.jar, real window) =="
# The last set is what ./halab uses: a class-data archive of the app's own classes, written by one
# training start (not timed) and then mapped at every start.
jsa="$build/bench-gui.jsa"
rm -f "$jsa"
"${xvfb[@]}" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$jsa" "${fx[@]}" \
    -Dhalab.bench.firstFrame=true -jar "$build/halab.jar" >/dev/null 2>&1 || true
for opts in "" "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile=$jsa"; do
    echo "-- JVM options: ${opts:-(default)}"
    for i in 1 2 3 4 5; do
        # shellcheck disable=SC2086
        "${xvfb[@]}" java $opts "${fx[@]}" -Dhalab.bench.firstFrame=true -jar "$build/halab.jar" 2>/dev/null \
            | grep -E 'first-frame-ms|startup-phase' | tr '\n' ' '
        echo
    done
done

echo "== log view throughput (install screen, 4 worker threads) =="
"${xvfb[@]}" java "${fx[@]}" -cp "$cp" dev.halab.gui.bench.LogViewBench 2>/dev/null | grep '^log-'

echo "== VIP update -> badge moves (dashboard) =="
"${xvfb[@]}" java "${fx[@]}" -cp "$cp" dev.halab.gui.bench.BadgeBench 2>/dev/null | grep '^vip-'
