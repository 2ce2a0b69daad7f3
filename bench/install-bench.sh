#!/usr/bin/env bash
# Install benchmark on the local lab, on fresh hosts: full install time, no-change re-run time,
# and in the same run the floor (plain parallel apt-get update + install of the same packages
# on fresh hosts), with the ratio. Goals: install <= 1.3 x floor; re-run <= 3 s.
# Needs root; takes the shared lab lock; leaves the lab up.
#   bench/install-bench.sh        one run
#   bench/install-bench.sh 3      three runs
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "install-bench: needs root (the local lab)" >&2; exit 2; }
build="${HALAB_BUILD_DIR:-target-install}"
mvn -B -q -o -Dhalab.buildDir="$build" -DskipTests test-compile dependency:build-classpath \
    -Dmdep.outputFile="$build/bench-classpath.txt" >/dev/null
cp="$build/test-classes:$build/classes:$(cat "$build/bench-classpath.txt")"
echo "HA Lab install benchmark ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ))"
exec bench/with-lab-lock java -Dhalab.projectDir="$PWD" -Dlogback.configurationFile=/dev/null -cp "$cp" \
    dev.halab.install.InstallBench "${1:-1}"
