#!/bin/bash
# devcloud/lib/memory.sh: PSS/RSS per devcloud service (processes of each
# service's session), from /proc/PID/smaps_rollup. Used to measure the docs'
# memory table.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "$0")/common.sh"
parse_release_arg "$@"
tot_pss=0 tot_rss=0
printf '%-18s %5s %9s %9s\n' SERVICE PROCS 'RSS MiB' 'PSS MiB'
for s in "${SERVICES[@]}"; do
  name=${s%% *}
  pid=$(service_pid "$name") || { printf '%-18s %5s\n' "$name" down; continue; }
  n=0 pss=0 rss=0
  for p in $(session_pids "$pid"); do
    read -r r q < <(awk '/^Rss:/{r=$2} /^Pss:/{q=$2} END{print r+0, q+0}' "/proc/$p/smaps_rollup" 2>/dev/null || echo "0 0")
    n=$((n + 1)) rss=$((rss + r)) pss=$((pss + q))
  done
  tot_pss=$((tot_pss + pss)) tot_rss=$((tot_rss + rss))
  printf '%-18s %5d %9d %9d\n' "$name" "$n" $((rss / 1024)) $((pss / 1024))
done
printf '%-18s %5s %9d %9d\n' TOTAL '' $((tot_rss / 1024)) $((tot_pss / 1024))
