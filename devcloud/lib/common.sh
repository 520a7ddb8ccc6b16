# shellcheck shell=bash disable=SC2034  # variables are used by the sourcing scripts
# Shared settings and helpers for the devcloud scripts: paths, credentials,
# logging, PID files and waiting. Sourced by up, down, status, env and smoke.

# The system Python and the system tools, never pyenv shims or ~/.local.
export PATH=/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV PYENV_VERSION
export LC_ALL=C.UTF-8
PY=/usr/bin/python3

DEVCLOUD_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# --- releases -------------------------------------------------------------------
# zed:    OpenStack Zed from the host's own Debian 12 packages.
# 2025.1: OpenStack 2025.1 "Epoxy" from Debian 13 packages in a debootstrap'ed
#         root ($ROOT, built once and kept), every tool and service run there
#         with chroot. The state dir is bind-mounted into the root at its own
#         path, so every path is the same inside and outside the root.
RELEASES=(zed 2025.1)
DEFAULT_RELEASE=zed
default_state() {  # RELEASE -> its state dir when DEVCLOUD_HOME is not set
  case $1 in
    zed) echo /var/lib/stackgate-devcloud ;;
    *) echo "/var/lib/stackgate-devcloud-$1" ;;
  esac
}
state_release() { cat "$1/release" 2>/dev/null || echo zed; }  # STATE -> its release
state_netns() { cat "$1/netns" 2>/dev/null || true; }        # STATE -> netns ("" = host)

# set_release RELEASE: selects the release and everything that depends on it.
set_release() {
  RELEASE=$1
  STATE=${DEVCLOUD_HOME:-$(default_state "$RELEASE")}
  case $RELEASE in
    zed)
      ROOT="" RX=()
      COMPUTE_DRIVER=fake.FakeDriver ;;
    2025.1)
      # DEVCLOUD_ROOT, else the root this state dir was brought up with (up records it).
      ROOT=${DEVCLOUD_ROOT:-$(cat "$STATE/root" 2>/dev/null || echo /srv/stackgate-devcloud/trixie-2025.1)}
      RX=(chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 HOME=/root)
      # Nova >= 2023.1 wants a stable compute node identity: FakeDriver makes
      # a new node UUID per process and nova-compute refuses to restart.
      COMPUTE_DRIVER=fake.FakeDriverWithoutFakeNodes ;;
    *) die "unknown release '$RELEASE' (known: ${RELEASES[*]})" ;;
  esac
  ETC=$STATE/etc DATA=$STATE/data RUN=$STATE/run LOG=$STATE/log MARKERS=$STATE/markers
  # name port   (port "-" = no listening socket of its own)
  # Order = start order; down stops in reverse.
  SERVICES=(
    "mariadb 3306" "epmd 4369" "rabbitmq 5672" "ovn-nb 6641" "ovn-sb 6642"
    "ovn-northd -" "ovn-heartbeat -" "keystone 5000" "placement 8778" "glance 9292"
    "neutron 9696"
  )
  # 2025.1: the neutron API runs under uwsgi; its periodic tasks and the OVN
  # maintenance run as two processes of their own.
  [ "$RELEASE" = zed ] || SERVICES+=("neutron-periodic -" "neutron-ovn-maint -")
  SERVICES+=("nova-api 8774" "nova-conductor -" "nova-scheduler -" "nova-compute -")
}
# rx CMD...: runs a tool of the selected release (inside the root for 2025.1).
rx() { "${RX[@]}" "$@"; }

# Any live service recorded in STATE's PID files?
state_alive() {
  local f pid st
  for f in "$1"/run/*.pid; do
    [ -s "$f" ] || continue
    read -r pid st _ <"$f" || continue
    [ -n "${pid:-}" ] && [ "$(proc_starttime "$pid")" = "$st" ] && return 0
  done
  return 1
}

# The release the scripts act on: --release (DEVCLOUD_RELEASE), else the one
# recorded in DEVCLOUD_HOME, else (not for up: DETECT_RUNNING=0) a release
# whose default state has live services, else zed.
detect_release() {
  local r
  if [ -n "${DEVCLOUD_RELEASE:-}" ]; then echo "$DEVCLOUD_RELEASE"; return; fi
  if [ -n "${DEVCLOUD_HOME:-}" ]; then state_release "$DEVCLOUD_HOME"; return; fi
  [ "${DETECT_RUNNING:-1}" = 1 ] || { echo "$DEFAULT_RELEASE"; return; }
  for r in "${RELEASES[@]}"; do
    [ "$r" = "$DEFAULT_RELEASE" ] && continue
    state_alive "$(default_state "$r")" && { echo "$r"; return; }
  done
  echo "$DEFAULT_RELEASE"
}

# --release R / --release=R from the arguments (the rest is left in ARGS).
parse_release_arg() {
  ARGS=()
  while [ $# -gt 0 ]; do
    case $1 in
      --release) [ $# -ge 2 ] || die "--release needs a value (${RELEASES[*]})"
                 DEVCLOUD_RELEASE=$2; shift 2 ;;
      --release=*) DEVCLOUD_RELEASE=${1#--release=}; shift ;;
      *) ARGS+=("$1"); shift ;;
    esac
  done
  set_release "$(detect_release)"
}

# up: only one release per network namespace (same ports), and a state dir
# holds one release's cloud.
refuse_other_release() {
  local r st ns
  ns=$(current_netns)
  if [ -d "$STATE/markers" ] && [ "$(state_release "$STATE")" != "$RELEASE" ] && [ -z "${FRESH:-}" ]; then
    die "$STATE holds a $(state_release "$STATE") cloud, not $RELEASE: use another DEVCLOUD_HOME, or --fresh to wipe it"
  fi
  for r in "${RELEASES[@]}"; do
    [ "$r" = "$RELEASE" ] && continue
    st=${DEVCLOUD_OTHER_HOME:-$(default_state "$r")}
    [ "$st" != "$STATE" ] || continue
    state_alive "$st" || continue
    [ "$(state_netns "$st")" = "$ns" ] || continue
    local how="devcloud/down --release $r"
    [ "$st" = "$(default_state "$r")" ] || how="DEVCLOUD_HOME=$st devcloud/down"
    die "the $r devcloud is running ($st${ns:+, network namespace $ns}); only one release runs at a time. Stop it first: $how (check nobody else is using it), then run this again."
  done
}

# --- network namespace ----------------------------------------------------------
# DEVCLOUD_NETNS=NAME runs the cloud in network namespace NAME (ip netns add
# NAME; its lo up), so its fixed 127.0.0.1 ports do not clash with a devcloud
# in the host's namespace. Recorded in STATE/netns by up; the other scripts
# use the recorded one unless DEVCLOUD_NETNS is set ("" = host namespace).
current_netns() { echo "${DEVCLOUD_NETNS-$(state_netns "$STATE")}"; }
in_netns() {  # NAME: this process is in netns NAME
  [ "$(stat -L -c %i "/run/netns/$1" 2>/dev/null)" = "$(stat -L -c %i /proc/self/ns/net)" ]
}
# enter_netns SCRIPT ARGS...: re-executes SCRIPT inside the netns if needed.
enter_netns() {
  local ns; ns=$(current_netns)
  [ -n "$ns" ] || return 0
  in_netns "$ns" && return 0
  [ -e "/run/netns/$ns" ] || die "network namespace $ns does not exist (ip netns add $ns && ip netns exec $ns ip link set lo up)"
  DEVCLOUD_NETNS=$ns DEVCLOUD_REEXEC=1 exec nsenter --net="/run/netns/$ns" -- "$@"
}

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


# --- logging ----------------------------------------------------------------
export T0=${T0:-$(date +%s)}
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
  [ -z "${DEVCLOUD_LOCKED:-}" ] || return 0   # held across enter_netns
  exec 9>"$STATE/.lock"
  flock -w 900 9 || die "another devcloud up/down holds $STATE/.lock"
  export DEVCLOUD_LOCKED=1
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
  setsid "${RX[@]}" "$@" </dev/null >>"$LOG/$name.log" 2>&1 9>&- &
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
    die "port $port (for $name) is already in use by a process this devcloud ($RELEASE, $STATE) did not start (see: ss -ltnp 'sport = :$port'). Another release or another DEVCLOUD_HOME may be up: devcloud/status --release OTHER, then devcloud/down --release OTHER (only one release runs per network namespace; see DEVCLOUD_NETNS). On a systemd host, stop the distro service (e.g. systemctl disable --now mariadb rabbitmq-server ovn-central)."
  fi
}

mysql_root() { rx mariadb --no-defaults --socket="$RUN/mysqld.sock" -u root "$@"; }

# Select the release now (scripts that take --release call parse_release_arg).
set_release "$(detect_release)"
