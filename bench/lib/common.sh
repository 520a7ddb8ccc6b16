# bench/lib/common.sh: what the bench/ entry scripts share. Source it after setting $repo and defining
# log and die (each script prefixes its messages with its own name).

wait_for_devcloud() {
  local wait=${DEVCLOUD_WAIT:-600} waited=0
  until "$repo/devcloud/status" >/dev/null 2>&1; do
    (( waited >= wait )) && { "$repo/devcloud/status" >&2 || true; die "devcloud not all up after ${wait}s"; }
    (( waited % 30 == 0 )) && log "waiting for devcloud (devcloud/status not all up yet)"
    sleep 5; waited=$((waited + 5))
  done
}

free_port() {
  local port
  for port in $(shuf -i 20000-29999 -n 50); do
    if [ -z "$(ss -Htln "sport = :$port" 2>/dev/null)" ]; then echo "$port"; return; fi
  done
  die "no free port found"
}

# Others rebuild the jar: wait while it is missing, and copy it again if the copy is not a whole jar.
copy_jar() {
  local jar=$1 to=$2 wait=${JAR_WAIT:-300} waited=0
  until [ -f "$jar" ] && cp "$jar" "$to" 2>/dev/null && unzip -tqq "$to" >/dev/null 2>&1; do
    (( waited >= wait )) && die "no complete gateway jar at $jar after ${wait}s: build it (./mvnw -pl stackgate-server -am package) or set STACKGATE_JAR"
    log "no complete jar at $jar yet (being rebuilt?); trying again in 15 s"
    sleep 15; waited=$((waited + 15))
  done
}

# Stops a process this script started: TERM, up to 25 s, then KILL.
stop_pid() {
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
}
