# shellcheck shell=bash
# devcloud/remote: the running devcloud as a "remote cloud": TLS with a
# throwaway CA, devstack's URL layout (/identity, /compute, /image,
# /networking, /placement) and an emulated network round trip.
#
#   client --https--> 127.0.0.1:8443 delay relay (lib/delay-relay.py, holds
#                     each chunk DELAY/2 ms per direction)
#          --tcp----> 127.0.0.1:8444 nginx (TLS, templates/remote-nginx.conf)
#          --http---> 127.0.0.1:5000/8774/9292/9696/8778 (the devcloud's services,
#                     which build their links from X-Forwarded-Proto/-Host/-Prefix)
#
# Everything lives in STATE/remote/: CA and certificate, nginx.conf, logs,
# run/*.pid (its own run dir: devcloud/down's cleanup of run/*.pid and the
# "is a release alive" checks see only the cloud's services). nginx and the
# relay run on the host's tools (also for 2025.1, whose services run in a
# chroot but in the same network namespace), in the cloud's network namespace
# when it has one (DEVCLOUD_NETNS).

REMOTE_PORT=8443          # what clients use (the relay)
REMOTE_NGINX_PORT=8444    # nginx's TLS port (internal)
REMOTE_HOST=127.0.0.1
REMOTE_URL=https://$REMOTE_HOST:$REMOTE_PORT
REMOTE_REGION=RegionRemote
export REMOTE_PORT REMOTE_NGINX_PORT

remote_vars() {  # after parse_release_arg: paths of the selected state dir
  REMOTE_DIR=$STATE/remote
  export REMOTE_DIR
}
remote_vars

# The remote front's processes have their own run and log dir and use the
# host's tools (never the 2025.1 root): every function that starts, stops or
# checks them declares `local RUN=$REMOTE_DIR/run LOG=$REMOTE_DIR RX=()`
# (bash's dynamic scope hands them to common.sh's start/stop helpers).

remote_fail() {  # NAME MESSAGE: loud failure with the logs' tails
  local name=$1; shift
  {
    printf '\n[devcloud] ERROR: remote %s failed: %s\n' "$name" "$*"
    local f files=("$REMOTE_DIR/$name.log")
    [ "$name" != nginx ] || files+=("$REMOTE_DIR/error.log")
    for f in "${files[@]}"; do
      printf '[devcloud] ---- last 30 lines of %s ----\n' "$f"
      tail -n 30 "$f" 2>/dev/null || echo "(no log)"
    done
    printf '[devcloud] ---- end ----\n'
  } >&2
  exit 1
}

remote_pid() {  # nginx|relay -> its PID when it runs (ours)
  local RUN=$REMOTE_DIR/run
  service_pid "$1"
}

# --- nginx-light on the host ------------------------------------------------------
install_nginx() {
  dpkg-query -W -f='${Status}\n' nginx-light 2>/dev/null | grep -q '^install ok installed$' \
    && return 0
  log "installing nginx-light on the host (first run only)"
  mkdir -p "$STATE/log"
  # Its postinst would start the distro's nginx (port 80): start nothing.
  local own_policy="" policy=/usr/sbin/policy-rc.d rc=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\n# temporary, devcloud/remote\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    own_policy=1
  fi
  {
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 update -q &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      -o DPkg::Lock::Timeout=900 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
      nginx-light
  } >>"$STATE/log/apt.log" 2>&1 || rc=$?
  [ -n "$own_policy" ] && rm -f "$policy"
  if [ "$rc" != 0 ]; then
    { echo "[devcloud] ERROR: apt-get install nginx-light failed (rc=$rc); last lines of $STATE/log/apt.log:"
      tail -n 30 "$STATE/log/apt.log"; } >&2
    exit 1
  fi
  log "nginx-light installed"
}

# --- certificates ---------------------------------------------------------------------
# ca.pem: the CA clients trust; server.pem/server.key: 127.0.0.1 and localhost,
# signed by it; other-ca.pem: an unrelated CA (a certificate that is not trusted).
# Made once; only what is missing is made again (a new CA means a new server cert).
new_ca() {  # NAME CN
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 \
    -keyout "$REMOTE_DIR/$1.key" -out "$REMOTE_DIR/$1.pem" -subj "/O=Stackgate devcloud/CN=$2" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    >>"$REMOTE_DIR/openssl.log" 2>&1 || remote_fail openssl "making $1.pem"
  chmod 600 "$REMOTE_DIR/$1.key"
}
make_certs() {  # sets CERTS_CHANGED=1 when the server certificate was (re)made
  CERTS_CHANGED=""
  mkdir -p "$REMOTE_DIR"
  if [ ! -s "$REMOTE_DIR/ca.pem" ] || [ ! -s "$REMOTE_DIR/ca.key" ]; then
    log "remote: new CA $REMOTE_DIR/ca.pem"
    new_ca ca "devcloud remote CA"
    rm -f "$REMOTE_DIR/server.pem"
  fi
  if [ ! -s "$REMOTE_DIR/other-ca.pem" ]; then
    new_ca other-ca "devcloud untrusted CA"
  fi
  if [ ! -s "$REMOTE_DIR/server.pem" ] || [ ! -s "$REMOTE_DIR/server.key" ]; then
    local ext=$REMOTE_DIR/server.ext
    printf '%s\n' "subjectAltName=IP:127.0.0.1,DNS:localhost" "basicConstraints=critical,CA:FALSE" \
      "keyUsage=critical,digitalSignature,keyEncipherment" "extendedKeyUsage=serverAuth" >"$ext"
    { openssl req -new -newkey rsa:2048 -nodes -sha256 -keyout "$REMOTE_DIR/server.key" \
        -out "$REMOTE_DIR/server.csr" -subj "/O=Stackgate devcloud/CN=127.0.0.1" &&
      openssl x509 -req -sha256 -days 825 -in "$REMOTE_DIR/server.csr" \
        -CA "$REMOTE_DIR/ca.pem" -CAkey "$REMOTE_DIR/ca.key" -CAcreateserial \
        -extfile "$ext" -out "$REMOTE_DIR/server.pem"; } >>"$REMOTE_DIR/openssl.log" 2>&1 \
      || remote_fail openssl "making server.pem"
    chmod 600 "$REMOTE_DIR/server.key"
    rm -f "$REMOTE_DIR/server.csr"
    openssl verify -CAfile "$REMOTE_DIR/ca.pem" "$REMOTE_DIR/server.pem" >/dev/null \
      || remote_fail openssl "server.pem does not verify against ca.pem"
    log "remote: server certificate for IP:127.0.0.1, DNS:localhost"
    CERTS_CHANGED=1
  fi
}

# --- nginx --------------------------------------------------------------------------
# render_nginx: writes nginx.conf; sets NGINX_CONF_CHANGED=1 when it differs.
render_nginx() {
  local conf=$REMOTE_DIR/nginx.conf
  mkdir -p "$REMOTE_DIR"/tmp "$REMOTE_DIR/run"
  # shellcheck disable=SC2016  # envsubst's list of variable names
  envsubst '$REMOTE_DIR $REMOTE_PORT $REMOTE_NGINX_PORT' \
    <"$DEVCLOUD_DIR/templates/remote-nginx.conf" >"$conf.new"
  # Checked before it replaces the config a running nginx was started with.
  nginx -p "$REMOTE_DIR/" -e "$REMOTE_DIR/error.log" -c "$conf.new" -t -q >>"$REMOTE_DIR/nginx.log" 2>&1 \
    || remote_fail nginx "nginx -t: $conf.new rejected (the running nginx, if any, is left as it was)"
  NGINX_CONF_CHANGED=""
  cmp -s "$conf.new" "$conf" || NGINX_CONF_CHANGED=1
  mv -f "$conf.new" "$conf"
}
nginx_cmd() { echo nginx -p "$REMOTE_DIR/" -e "$REMOTE_DIR/error.log" -c "$REMOTE_DIR/nginx.conf"; }
tls_ok() {  # PORT: a TLS handshake with the CA and a request to /identity/ answers
  curl -s -o /dev/null -m 5 --cacert "$REMOTE_DIR/ca.pem" "https://$REMOTE_HOST:$1/identity/v3" 2>/dev/null
}
start_nginx() {
  local RUN=$REMOTE_DIR/run LOG=$REMOTE_DIR RX=()
  if service_alive nginx; then
    [ -z "$NGINX_CONF_CHANGED$CERTS_CHANGED" ] && return 0
    log "remote: nginx.conf or certificate changed: restarting nginx"
    stop_services nginx
  fi
  remote_port_free nginx "$REMOTE_NGINX_PORT"
  # shellcheck disable=SC2046
  start_service nginx $(nginx_cmd) -g 'daemon off;'
  local end=$(( $(date +%s) + 30 ))
  until port_open "$REMOTE_NGINX_PORT" && tls_ok "$REMOTE_NGINX_PORT"; do
    service_alive nginx || remote_fail nginx "process exited"
    [ "$(date +%s)" -lt "$end" ] || remote_fail nginx "no TLS answer on $REMOTE_HOST:$REMOTE_NGINX_PORT after 30s"
    sleep 0.3
  done
  log "remote: nginx up on $REMOTE_HOST:$REMOTE_NGINX_PORT (TLS)"
}

# --- the delay relay ----------------------------------------------------------------
relay_delay() { cat "$REMOTE_DIR/delay-ms" 2>/dev/null || echo "?"; }  # of the running relay
start_relay() {  # DELAY_MS: (re)starts the relay when it runs with another delay
  local delay=$1 RUN=$REMOTE_DIR/run LOG=$REMOTE_DIR RX=() script_changed=""
  mkdir -p "$REMOTE_DIR/bin"
  # Run from the state dir (outlives the checkout; new file + rename).
  cmp -s "$DEVCLOUD_DIR/lib/delay-relay.py" "$REMOTE_DIR/bin/delay-relay.py" || script_changed=1
  if service_alive relay; then
    if [ "$(relay_delay)" = "$delay" ] && [ -z "$script_changed" ]; then return 0; fi
    log "remote: restarting the relay (delay $(relay_delay) -> $delay ms)"
    stop_services relay
  fi
  install -m 755 "$DEVCLOUD_DIR/lib/delay-relay.py" "$REMOTE_DIR/bin/.delay-relay.py.new"
  mv -f "$REMOTE_DIR/bin/.delay-relay.py.new" "$REMOTE_DIR/bin/delay-relay.py"
  remote_port_free relay "$REMOTE_PORT"
  start_service relay "$PY" "$REMOTE_DIR/bin/delay-relay.py" --listen "$REMOTE_HOST:$REMOTE_PORT" \
    --target "$REMOTE_HOST:$REMOTE_NGINX_PORT" --delay-ms "$delay"
  echo "$delay" >"$REMOTE_DIR/delay-ms"
  local end=$(( $(date +%s) + 20 ))
  until port_open "$REMOTE_PORT" && tls_ok "$REMOTE_PORT"; do
    service_alive relay || remote_fail relay "process exited"
    [ "$(date +%s)" -lt "$end" ] || remote_fail relay "no TLS answer through $REMOTE_HOST:$REMOTE_PORT after 20s"
    sleep 0.3
  done
  log "remote: relay up on $REMOTE_HOST:$REMOTE_PORT -> $REMOTE_NGINX_PORT, round trip +$delay ms"
}

remote_port_free() {  # NAME PORT
  port_open "$2" || return 0
  die "port $2 (remote $1) is in use by a process this devcloud's remote front ($RELEASE, $STATE) did not start (see: ss -ltnp 'sport = :$2'). Another release's remote front may be up: devcloud/remote status --release OTHER, then devcloud/remote down --release OTHER."
}

# RegionRemote's five public endpoints are in place (a quick check with
# curl, so that a re-run of up skips the openstacksdk seeding).
remote_catalog_ok() {
  local body hdrs token eps
  body=$(jq -n --arg p "$ADMIN_PASSWORD" '{auth: {
    identity: {methods: ["password"], password: {user: {name: "admin", domain: {name: "Default"}, password: $p}}},
    scope: {project: {name: "admin", domain: {name: "Default"}}}}}')
  hdrs=$(curl -sS -f -m 20 -o /dev/null -D - -H 'Content-Type: application/json' -d "$body" \
           "$AUTH_URL/auth/tokens" 2>/dev/null) || return 1
  token=$(awk 'tolower($1) == "x-subject-token:" {print $2}' <<<"$hdrs" | tr -d '\r')
  [ -n "$token" ] || return 1
  eps=$(curl -sS -f -m 20 -H "X-Auth-Token: $token" \
          "$AUTH_URL/endpoints?region_id=$REMOTE_REGION&interface=public" 2>/dev/null) || return 1
  [ "$(jq -r '[.endpoints[] | select(.enabled) | .url] | sort | join(" ")' <<<"$eps")" = \
    "$REMOTE_URL/compute/v2.1 $REMOTE_URL/identity/v3 $REMOTE_URL/image $REMOTE_URL/networking $REMOTE_URL/placement" ]
}

# stop_remote: the relay, then nginx; only the processes in our PID files.
stop_remote() {
  local RUN=$REMOTE_DIR/run LOG=$REMOTE_DIR RX=() running=() n
  [ -d "$REMOTE_DIR/run" ] || return 0
  for n in relay nginx; do service_alive "$n" && running+=("$n"); done
  if [ ${#running[@]} -gt 0 ]; then
    stop_services relay nginx
    log "remote: stopped ${running[*]}"
  fi
  rm -f "$REMOTE_DIR/run/"*.pid "$REMOTE_DIR/delay-ms"
}
