#!/usr/bin/env bash
# Times the local lab: cold `lab up` (caches removed: debootstrap + apt repository), `lab down`,
# warm `lab up` (caches and host disks kept), a second `up` on a running lab, `up --fresh`,
# and prints the disk used. Needs root. Leaves the lab down and the caches built.
#   bench/lab-bench.sh            full run (cold build takes a few minutes)
#   bench/lab-bench.sh --warm     skip the cold run
set -euo pipefail
cd "$(dirname "$0")/.."
cache_dir="${HALAB_CACHE_DIR:-/var/cache/halab}"
state_dir="${HALAB_LAB_STATE_DIR:-/var/lib/halab/lab}"
jar="${HALAB_JAR:-target/halab.jar}"
[ "$(id -u)" -eq 0 ] || { echo "lab-bench: needs root" >&2; exit 2; }
[ -f "$jar" ] || mvn -B -q -DskipTests package

lab() { java -jar "$jar" lab "$@"; }

# Seconds (3 decimals) one lab command takes; its output goes to a log, not to the report.
timed() {
  local label="$1"; shift
  local start end
  start=$(date +%s.%N)
  if ! lab "$@" >>"$log" 2>&1; then
    echo "lab-bench: 'halab lab $*' failed; see $log" >&2; tail -20 "$log" >&2; exit 1
  fi
  end=$(date +%s.%N)
  printf '%-34s %7.1f s\n' "$label" "$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')"
}

log=$(mktemp /tmp/lab-bench.XXXXXX.log)
echo "HA Lab local lab benchmark ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)); log: $log"
lab down >>"$log" 2>&1
if [ "${1:-}" != "--warm" ]; then
  # Both are the lab's own directories (rootfs, apt repository, host disks, keys).
  rm -rf --one-file-system "$cache_dir/rootfs-"* "$cache_dir/repo"* "$cache_dir/apt-"* "$state_dir"
  timed "cold lab up (build caches)" up
  timed "lab down" down
fi
timed "warm lab up" up
timed "second lab up (already up)" up
timed "lab up --fresh (fresh host disks)" up --fresh
timed "lab down" down
echo "disk used:"
du -sh "$cache_dir"/rootfs-* "$cache_dir"/repo-* "$state_dir" 2>/dev/null | sed 's/^/  /'
du -sh "$cache_dir" "$state_dir" -c 2>/dev/null | tail -1 | sed 's/^/  /'
