#!/usr/bin/env bash
# bench/cli-vs-openstack.sh: wall time of `stackgate server list` against `openstack server list` on the same
# devcloud project, side by side in one run, median of several runs. Target: stackgate at most 1/10 of openstack.
#
#   bench/cli-vs-openstack.sh [--runs N] [--url GATEWAY_URL]
#
# The cloud is the one of OS_CLOUD / OS_AUTH_URL; when neither is set, devcloud/env is used. Without --url (or
# STACKGATE_URL) the built gateway jar is started on a free port and stopped at the end. The CLI logs in as
# $BENCH_USER/$BENCH_PASSWORD in $BENCH_PROJECT (default demo/demo/demo) into a temporary config directory.
# Uses hyperfine when installed (apt-get install -y hyperfine), else a timing loop. Also times the CLI alone
# (--version, and server list against a port where nothing listens) to show its own start-up cost.
# Exit status: 0 target met, 3 target missed, 1 set-up failed.
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
root=$(dirname "$here")
runs=10
url=${STACKGATE_URL:-}
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --url) url=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "cli-vs-openstack: unknown argument $1" >&2; exit 1 ;;
  esac
done

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }

if [ -z "${OS_CLOUD:-}" ] && [ -z "${OS_AUTH_URL:-}" ]; then
  [ -x "$root/devcloud/env" ] || die "no OS_CLOUD or OS_AUTH_URL, and no devcloud/env"
  eval "$("$root/devcloud/env")"
fi
command -v openstack >/dev/null || die "the openstack CLI is not installed (apt-get install python3-openstackclient)"

work=$(mktemp -d)
gateway_pid=
cleanup() {
  if [ -n "$gateway_pid" ]; then kill "$gateway_pid" 2>/dev/null && wait "$gateway_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$url" ]; then
  jar=${STACKGATE_JAR:-$root/stackgate-server/target/stackgate-server.jar}
  [ -f "$jar" ] || (cd "$root" && ./mvnw -q -B -pl stackgate-server -am package -DskipTests) || die "cannot build $jar"
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  url=http://127.0.0.1:$port
  log "starting the gateway on $url (log: $work/gateway.log)"
  java -XX:TieredStopAtLevel=1 -jar "$jar" --stackgate.listen.address=127.0.0.1 --stackgate.listen.port="$port" \
    --management.endpoint.health.probes.enabled=true >"$work/gateway.log" 2>&1 &
  gateway_pid=$!
  for _ in $(seq 1 240); do
    curl -fsS -o /dev/null "$url/actuator/health/readiness" 2>/dev/null && break
    kill -0 "$gateway_pid" 2>/dev/null || { tail -20 "$work/gateway.log" >&2; die "the gateway exited"; }
    sleep 0.5
  done
  curl -fsS -o /dev/null "$url/actuator/health/readiness" || die "the gateway is not ready after 120 s"
fi

export STACKGATE_URL=$url STACKGATE_CONFIG_DIR=$work/config
unset STACKGATE_TOKEN STACKGATE_API_KEY
stackgate=$root/bin/stackgate
if ! printf '%s\n' "${BENCH_PASSWORD:-demo}" | "$stackgate" login -u "${BENCH_USER:-demo}" -p "${BENCH_PROJECT:-demo}" \
    -d Default --password-stdin >&2; then
  log "login failed: going on without a token (a gateway in service mode needs none)"
fi
count=
for _ in 1 2 3; do   # a loaded devcloud sometimes lets Nova time out: retry before giving up
  if out=$("$stackgate" server list -f value -c ID); then count=$(printf '%s' "$out" | grep -c .); break; fi
  sleep 5
done
[ -n "$count" ] || die "stackgate server list failed three times"
os_count=$(openstack server list -f value -c ID | wc -l)
log "servers in the project: stackgate sees $count, openstack sees $os_count (the issue's setup has 3)"

absent=http://127.0.0.1:$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
names=("stackgate server list" "openstack server list" "stackgate --version (CLI start-up only)"
  "stackgate server list, no gateway listening (CLI start-up + connect refused)")
cmds=("$stackgate server list" "openstack server list" "$stackgate --version"
  "$stackgate --url $absent server list")

"$stackgate" --version >/dev/null   # records the CLI's class-data-sharing archive if it is missing

declare -a medians mins maxs
if command -v hyperfine >/dev/null; then
  log "hyperfine, $runs runs each, 1 warm-up"
  hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$work/h.json" "${cmds[@]}" >&2
  mapfile -t rows < <(python3 - "$work/h.json" <<'EOF'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print("%d %d %d" % (r["median"] * 1000, r["min"] * 1000, r["max"] * 1000))
EOF
)
else
  log "timing loop, $runs runs each (install hyperfine for better statistics), 1 warm-up"
  rows=()
  for cmd in "${cmds[@]}"; do
    $cmd >/dev/null 2>&1 || true
    times=()
    for _ in $(seq 1 "$runs"); do
      start=$(date +%s%N); $cmd >/dev/null 2>&1 || true; end=$(date +%s%N)
      times+=($(( (end - start) / 1000000 )))
    done
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    n=${#sorted[@]}
    if (( n % 2 )); then med=${sorted[n/2]}; else med=$(( (sorted[n/2-1] + sorted[n/2]) / 2 )); fi
    rows+=("$med ${sorted[0]} ${sorted[n-1]}")
  done
fi

printf '\n%-78s %8s %8s %8s\n' "command ($count servers, $runs runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))" \
  "median" "min" "max"
for i in "${!names[@]}"; do
  read -r med min max <<<"${rows[$i]}"
  medians[i]=$med
  printf '%-78s %6d ms %5d ms %5d ms\n' "${names[$i]}" "$med" "$min" "$max"
done
ratio=$(python3 -c "print('%.3f' % (${medians[0]} / max(${medians[1]}, 1)))")
printf '\nstackgate / openstack = %s (target <= 0.100)\n' "$ratio"
python3 -c "import sys; sys.exit(0 if $ratio <= 0.1 else 3)"
