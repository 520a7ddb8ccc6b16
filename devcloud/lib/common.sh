# shellcheck shell=bash disable=SC2034  # variables are used by the sourcing scripts
# Shared settings and helpers for the devcloud scripts: paths, credentials,
# logging, PID files and waiting. Sourced by up, down, status, env and smoke.

# The system Python and the system tools, never pyenv shims or ~/.local.
export PATH=/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV PYENV_VERSION
export LC_ALL=C.UTF-8
PY=/usr/bin/python3

DEVCLOUD_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
STATE=${DEVCLOUD_HOME:-/var/lib/stackgate-devcloud}
ETC=$STATE/etc
DATA=$STATE/data
RUN=$STATE/run
LOG=$STATE/log
MARKERS=$STATE/markers

# --- the cloud's fixed facts (mirroring devstack's names) -------------------
export HOST_IP=127.0.0.1
export REGION=RegionOne
export KEYSTONE_URL=http://127.0.0.1:5000
export AUTH_URL=$KEYSTONE_URL/v3
export COMPUTE_HOST=devcloud-compute      # nova [DEFAULT] host = OVN chassis hostname
# Local dev cloud only: simple, well-known passwords.
export ADMIN_PASSWORD=admin
export DEMO_PASSWORD=demo
export ALT_DEMO_PASSWORD=alt_demo
export SERVICE_PASSWORD=secret            # glance, nova, placement, neutron users
export DB_PASSWORD=secret                 # MariaDB users, one per service
export RABBIT_URL=rabbit://guest:guest@127.0.0.1:5672/

# name port   (port "-" = no listening socket of its own)
# Order = start order; down stops in reverse.
SERVICES=(
  "mariadb 3306"
  "epmd 4369"
  "rabbitmq 5672"
  "ovn-nb 6641"
  "ovn-sb 6642"
  "ovn-northd -"
  "ovn-heartbeat -"
  "keystone 5000"
  "placement 8778"
  "glance 9292"
  "neutron 9696"
  "nova-api 8774"
  "nova-conductor -"
  "nova-scheduler -"
  "nova-compute -"
)

# --- logging ----------------------------------------------------------------
T0=${T0:-$(date +%s)}
log()  { printf '[devcloud %4ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
warn() { printf '[devcloud] WARNING: %s\n' "$*" >&2; }
die()  { printf '[devcloud] ERROR: %s\n' "$*" >&2; exit 1; }

# fail_service NAME MESSAGE: loud failure with the service's log tail (for CI).
fail_service() {
  local name=$1; shift
  {
    printf '\n[devcloud] ERROR: service %s failed: %s\n' "$name" "$*"
    printf '[devcloud] ---- last 40 lines of %s ----\n' "$LOG/$name.log"
    tail -n 40 "$LOG/$name.log" 2>/dev/null || echo "(no log)"
    printf '[devcloud] ---- end of %s ----\n' "$LOG/$name.log"
  } >&2
  exit 1
}

require_root() { [ "$(id -u)" = 0 ] || die "must run as root"; }

# Serialise up/down between checkouts sharing the machine-wide state dir.
# fd 9 is closed for every started service (see start_service).
take_lock() {
  mkdir -p "$STATE"
  exec 9>"$STATE/.lock"
  flock -w 900 9 || die "another devcloud up/down holds $STATE/.lock"
}

# --- markers: completed one-time setup steps --------------------------------
marker()     { [ -e "$MARKERS/$1" ]; }
set_marker() { mkdir -p "$MARKERS"; date -u +%FT%TZ >"$MARKERS/$1"; }

# --- PID files ----------------------------------------------------------------
# run/NAME.pid holds "PID STARTTIME EPOCH" (STARTTIME = field 22 of /proc/PID/stat),
# so a recycled PID is never mistaken for ours. Each service is started with
# setsid, so it leads its own session and everything it forks stays in it.
proc_starttime() { awk '{sub(/^.*\) /, ""); print $20}' "/proc/$1/stat" 2>/dev/null; }

service_pid() {          # prints the PID if NAME is running, else fails
  local f=$RUN/$1.pid pid st
  [ -s "$f" ] || return 1
  read -r pid st _ <"$f" || return 1
  [ -n "${pid:-}" ] && [ -d "/proc/$pid" ] || return 1
  [ "$(proc_starttime "$pid")" = "$st" ] || return 1
  echo "$pid"
}
service_alive() { service_pid "$1" >/dev/null; }
service_started_at() { awk '{print $3}' "$RUN/$1.pid" 2>/dev/null; }  # epoch

service_port() {  # NAME -> its port, or "-"
  local s
  for s in "${SERVICES[@]}"; do
    [ "${s%% *}" = "$1" ] && { echo "${s##* }"; return 0; }
  done
  return 1
}

# All live PIDs in session SID (the service leader and whatever it forked).
session_pids() {
  local sid=$1 p
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    [ "$(awk '{sub(/^.*\) /, ""); print $4}' "/proc/$p/stat" 2>/dev/null)" = "$sid" ] && echo "$p"
  done
  return 0
}

# start_service NAME CMD...: runs CMD in its own session, output to log/NAME.log.
# Extra environment can be passed with `env VAR=...` as part of CMD.
start_service() {
  local name=$1; shift
  mkdir -p "$RUN" "$LOG"
  printf '\n==== %s starting: %s\n' "$(date -u +%FT%TZ)" "$*" >>"$LOG/$name.log"
  setsid "$@" </dev/null >>"$LOG/$name.log" 2>&1 9>&- &
  local pid=$!
  local st=""
  for _ in 1 2 3 4 5 6 7 8 9 10; do
    st=$(proc_starttime "$pid") && [ -n "$st" ] && break
    sleep 0.05
  done
  [ -n "$st" ] || fail_service "$name" "exited immediately"
  echo "$pid $st $(date +%s)" >"$RUN/$name.pid"
  disown "$pid" 2>/dev/null || true
}

# stop_services NAME...: TERM every process in each service's session, wait up
# to 30 s, then KILL what is left. Only sessions recorded in our PID files.
stop_services() {
  local name pid all=() p st
  for name in "$@"; do
    if pid=$(service_pid "$name"); then
      for p in $(session_pids "$pid"); do all+=("$p"); done
    fi
  done
  [ ${#all[@]} -gt 0 ] || { for name in "$@"; do rm -f "$RUN/$name.pid"; done; return 0; }
  kill -TERM "${all[@]}" 2>/dev/null || true
  local left
  for _ in $(seq 1 300); do
    left=()
    for p in "${all[@]}"; do
      # still there and not a zombie waiting to be reaped by PID 1
      st=$(awk '{sub(/^.*\) /, ""); print $1}' "/proc/$p/stat" 2>/dev/null) || st=""
      [ -n "$st" ] && [ "$st" != Z ] && left+=("$p")
    done
    [ ${#left[@]} -eq 0 ] && break
    sleep 0.1
  done
  if [ ${#left[@]} -gt 0 ]; then
    warn "killing (-9) what did not stop within 30 s: ${left[*]}"
    kill -KILL "${left[@]}" 2>/dev/null || true
    sleep 0.5
  fi
  for name in "$@"; do rm -f "$RUN/$name.pid"; done
}

# --- waiting ------------------------------------------------------------------
port_open() { timeout 1 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

http_ok() {  # URL: any HTTP answer below 500
  local code
  code=$(curl -s -o /dev/null -m 3 -w '%{http_code}' "$1" 2>/dev/null) || return 1
  [ "$code" != 000 ] && [ "$code" -lt 500 ]
}

# wait_for NAME TIMEOUT CHECK...: polls CHECK every 0.5 s; fails loudly if the
# service's process dies or TIMEOUT seconds pass.
wait_for() {
  local name=$1 timeout=$2; shift 2
  local end=$(( $(date +%s) + timeout ))
  while :; do
    service_alive "$name" || fail_service "$name" "process exited"
    "$@" && return 0
    [ "$(date +%s)" -lt "$end" ] || fail_service "$name" "not ready after ${timeout}s (check: $*)"
    sleep 0.5
  done
}

# Fail early if a port we need is taken by something that is not ours.
ensure_port_free() {
  local name=$1 port=$2
  [ "$port" = - ] && return 0
  if port_open "$port"; then
    die "port $port (for $name) is already in use by a process devcloud did not start (see: ss -ltnp 'sport = :$port'). On a systemd host, stop the distro service (e.g. systemctl disable --now mariadb rabbitmq-server ovn-central)."
  fi
}

mysql_root() { mariadb --no-defaults --socket="$RUN/mysqld.sock" -u root "$@"; }
