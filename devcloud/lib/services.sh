# shellcheck shell=bash
# Configuration, one-time setup and start of each devcloud service.
# Every one-time step is guarded by a marker file (markers/), so a re-run
# while the cloud is up only health-checks.

# shellcheck disable=SC2016  # envsubst's list of variable names, unexpanded
TEMPLATE_VARS='$STATE $ETC $DATA $RUN $LOG $REGION $KEYSTONE_URL $AUTH_URL $COMPUTE_HOST $COMPUTE_DRIVER
$ADMIN_PASSWORD $DEMO_PASSWORD $ALT_DEMO_PASSWORD $SERVICE_PASSWORD $DB_PASSWORD $RABBIT_URL $TOKEN_TTL'
export STATE ETC DATA RUN LOG COMPUTE_DRIVER

render() {  # TEMPLATE DEST
  envsubst "$TEMPLATE_VARS" <"$DEVCLOUD_DIR/templates/$1" >"$2.tmp" && mv "$2.tmp" "$2"
}

make_dirs() {
  mkdir -p "$ETC"/{keystone,placement,glance,neutron,nova,rabbitmq} "$RUN" "$LOG" "$MARKERS" \
    "$STATE/bin" "$DATA"/{mysql,rabbitmq,ovn} "$DATA"/keystone/{fernet-keys,credential-keys} \
    "$DATA"/glance/{images,staging,tasks,image-cache,lock} "$DATA"/neutron/lock \
    "$DATA"/nova/{instances,lock}
  chmod 700 "$DATA"/keystone/{fernet-keys,credential-keys}
}

write_configs() {
  render keystone.conf "$ETC/keystone/keystone.conf"
  render placement.conf "$ETC/placement/placement.conf"
  render glance-api.conf "$ETC/glance/glance-api.conf"
  render neutron.conf "$ETC/neutron/neutron.conf"
  render ml2_conf.ini "$ETC/neutron/ml2_conf.ini"
  render nova.conf "$ETC/nova/nova.conf"
  # nova-compute must not see DB settings ("No DB access allowed in nova-compute").
  awk '/^\[/{skip = ($0 == "[database]" || $0 == "[api_database]")} !skip' \
    "$ETC/nova/nova.conf" >"$ETC/nova/nova-cpu.conf"
  render clouds.yaml "$STATE/clouds.yaml"
  cp "$ROOT/etc/nova/api-paste.ini" "$ETC/nova/api-paste.ini"
  cp "$ROOT/etc/glance/glance-api-paste.ini" "$ETC/glance/glance-api-paste.ini"
  cp "$ROOT/etc/neutron/api-paste.ini" "$ETC/neutron/api-paste.ini"
  [ "$RELEASE" = zed ] || render neutron-uwsgi.ini "$ETC/neutron/neutron-uwsgi.ini"
  cp "$DEVCLOUD_DIR/templates/rabbitmq-enabled_plugins" "$ETC/rabbitmq/enabled_plugins"
  : >"$ETC/rabbitmq/rabbitmq-env.conf"
  # Run the heartbeat from the state dir: it must outlive the checkout that started it.
  # (new file + rename: a running bash keeps reading its old copy untouched)
  # seed.py is copied too: for 2025.1 it runs inside the root, which sees the
  # state dir but not the checkout.
  local f
  for f in ovn-heartbeat.sh seed.py; do
    install -m 755 "$DEVCLOUD_DIR/lib/$f" "$STATE/bin/.$f.new"
    mv -f "$STATE/bin/.$f.new" "$STATE/bin/$f"
  done
  echo "$RELEASE" >"$STATE/release"
  [ -z "$ROOT" ] || echo "$ROOT" >"$STATE/root"
}

# --- background one-time jobs (db syncs run in parallel) ---------------------
declare -A BG_PID=()
run_bg() {  # NAME CMD... ; output to log/NAME.log
  local name=$1; shift
  printf '\n==== %s: %s\n' "$(date -u +%FT%TZ)" "$*" >>"$LOG/$name.log"
  ( "$@" ) </dev/null >>"$LOG/$name.log" 2>&1 9>&- &
  BG_PID[$name]=$!
}
wait_bg() {  # NAME: waits for a run_bg job, sets marker NAME on success
  local name=$1 rc=0
  [ -n "${BG_PID[$name]:-}" ] || return 0
  wait "${BG_PID[$name]}" || rc=$?
  unset "BG_PID[$name]"
  [ "$rc" = 0 ] || fail_service "$name" "setup step exited with $rc"
  set_marker "$name"
  log "$name done"
}
# bg_step NAME FUNCTION: run FUNCTION in the background unless already done.
bg_step() { marker "$1" || run_bg "$1" "$2"; }


# --- MariaDB ------------------------------------------------------------------
start_mariadb() {
  service_alive mariadb && return 0
  ensure_port_free mariadb 3306
  if ! marker mysql-init; then
    rm -rf "${DATA:?}/mysql" && mkdir -p "$DATA/mysql"
    rx mariadb-install-db --no-defaults --user=root --datadir="$DATA/mysql" \
      --auth-root-authentication-method=socket --skip-test-db >>"$LOG/mariadb.log" 2>&1 \
      || fail_service mariadb "mariadb-install-db failed"
    set_marker mysql-init
  fi
  start_service mariadb mariadbd --no-defaults --user=root --datadir="$DATA/mysql" \
    --socket="$RUN/mysqld.sock" --pid-file="$RUN/mysqld.pid" \
    --port=3306 --bind-address=127.0.0.1 --skip-name-resolve \
    --character-set-server=utf8mb3 --collation-server=utf8mb3_general_ci \
    --max-connections=1000 --innodb-buffer-pool-size=256M \
    --innodb-flush-log-at-trx-commit=2 --innodb-doublewrite=0 --skip-log-bin
}
mariadb_ready() { mysql_root -e 'SELECT 1' >/dev/null 2>&1; }

create_databases() {
  marker db-users && return 0
  local sql="" db user
  for db in keystone:keystone glance:glance placement:placement neutron:neutron \
            nova_api:nova nova:nova nova_cell0:nova; do
    user=${db#*:}; db=${db%:*}
    sql+="CREATE DATABASE IF NOT EXISTS $db;
CREATE USER IF NOT EXISTS '$user'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON $db.* TO '$user'@'127.0.0.1';
"
  done
  mysql_root -e "$sql FLUSH PRIVILEGES;" || fail_service mariadb "creating databases failed"
  set_marker db-users
}

# --- RabbitMQ (epmd started separately so that we own its pid) ---------------
start_epmd() {
  service_alive epmd && return 0
  ensure_port_free epmd 4369
  start_service epmd env ERL_EPMD_ADDRESS=127.0.0.1 epmd -port 4369
}
start_rabbitmq() {
  service_alive rabbitmq && return 0
  ensure_port_free rabbitmq 5672
  # /usr/sbin/rabbitmq-server su's to the rabbitmq user; run the real script as root.
  start_service rabbitmq env HOME="$DATA/rabbitmq" \
    RABBITMQ_NODENAME=rabbit@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT=5672 \
    RABBITMQ_DIST_PORT=25672 ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    RABBITMQ_MNESIA_BASE="$DATA/rabbitmq/mnesia" RABBITMQ_LOG_BASE="$LOG/rabbitmq" \
    RABBITMQ_PID_FILE="$RUN/rabbitmq-beam.pid" \
    RABBITMQ_CONF_ENV_FILE="$ETC/rabbitmq/rabbitmq-env.conf" \
    RABBITMQ_CONFIG_FILE="$ETC/rabbitmq/rabbitmq" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$ETC/rabbitmq/enabled_plugins" \
    /usr/lib/rabbitmq/bin/rabbitmq-server
}

# --- OVN ------------------------------------------------------------------------
start_ovn_db() {  # nb|sb
  local which=$1 port name
  name=ovn-$which
  [ "$which" = nb ] && port=6641 || port=6642
  service_alive "$name" && return 0
  ensure_port_free "$name" "$port"
  if ! marker "ovn-$which-db"; then
    rm -f "$DATA/ovn/ovn${which}_db.db"
    rx ovsdb-tool create "$DATA/ovn/ovn${which}_db.db" "/usr/share/ovn/ovn-$which.ovsschema" \
      >>"$LOG/$name.log" 2>&1 || fail_service "$name" "ovsdb-tool create failed"
    set_marker "ovn-$which-db"
  fi
  rm -f "$RUN/ovn${which}_db.sock" "$RUN/ovn${which}_db.ctl"
  start_service "$name" ovsdb-server --no-chdir -vconsole:info -vsyslog:off -vfile:off \
    --remote="ptcp:$port:127.0.0.1" --remote="punix:$RUN/ovn${which}_db.sock" \
    --unixctl="$RUN/ovn${which}_db.ctl" "$DATA/ovn/ovn${which}_db.db"
}
start_ovn_northd() {
  service_alive ovn-northd && return 0
  if ! marker ovn-nb-init; then
    rx ovn-nbctl --db=tcp:127.0.0.1:6641 --timeout=30 init >>"$LOG/ovn-nb.log" 2>&1 \
      || fail_service ovn-nb "ovn-nbctl init failed"
    set_marker ovn-nb-init
  fi
  rm -f "$RUN/ovn-northd.ctl"
  start_service ovn-northd ovn-northd --no-chdir -vconsole:info -vsyslog:off -vfile:off \
    --ovnnb-db=tcp:127.0.0.1:6641 --ovnsb-db=tcp:127.0.0.1:6642 --unixctl="$RUN/ovn-northd.ctl"
}
start_ovn_heartbeat() {
  service_alive ovn-heartbeat && return 0
  start_service ovn-heartbeat "$STATE/bin/ovn-heartbeat.sh" tcp:127.0.0.1:6642 "$COMPUTE_HOST"
}
chassis_ready() {
  [ -n "$(rx ovn-sbctl --db=tcp:127.0.0.1:6642 --timeout=5 --bare --columns=_uuid \
          find Chassis_Private name="$COMPUTE_HOST" 2>/dev/null)" ]
}

# --- Keystone -------------------------------------------------------------------
keystone_db() {
  rx keystone-manage --config-file "$ETC/keystone/keystone.conf" db_sync
  rx keystone-manage --config-file "$ETC/keystone/keystone.conf" fernet_setup \
    --keystone-user root --keystone-group root
  rx keystone-manage --config-file "$ETC/keystone/keystone.conf" credential_setup \
    --keystone-user root --keystone-group root
  rx keystone-manage --config-file "$ETC/keystone/keystone.conf" bootstrap \
    --bootstrap-password "$ADMIN_PASSWORD" --bootstrap-username admin \
    --bootstrap-project-name admin --bootstrap-role-name admin \
    --bootstrap-service-name keystone --bootstrap-region-id "$REGION" \
    --bootstrap-admin-url "$AUTH_URL/" --bootstrap-internal-url "$AUTH_URL/" \
    --bootstrap-public-url "$AUTH_URL/"
}

uwsgi_bin() {
  local b
  for b in /usr/bin/uwsgi-core /usr/bin/uwsgi; do [ -x "$ROOT$b" ] && { echo "$b"; return 0; }; done
  return 1
}
start_uwsgi() {  # NAME PORT WSGI_FILE PROCESSES ENV=VALUE [UWSGI_OPTION...]
  local name=$1 port=$2 app=$3 procs=$4 env=$5; shift 5
  service_alive "$name" && return 0
  ensure_port_free "$name" "$port"
  # "Connection: close": uwsgi's --http-socket breaks keep-alive reuse
  # (ConnectionResetError on the 2nd request of a connection).
  start_service "$name" "$(uwsgi_bin)" --plugin python3 --http-socket "127.0.0.1:$port" \
    --wsgi-file "$app" --master --processes "$procs" --lazy-apps --enable-threads \
    --die-on-term --need-app --buffer-size 65535 --add-header "Connection: close" \
    --env "$env" "$@"
}
start_keystone() {
  start_uwsgi keystone 5000 /usr/bin/keystone-wsgi-public 2 "OS_KEYSTONE_CONFIG_DIR=$ETC/keystone"
}
keystone_ready() { curl -sf -m 3 -o /dev/null "$AUTH_URL/"; }

# --- Placement ------------------------------------------------------------------
placement_db() { placement-manage --config-file "$ETC/placement/placement.conf" db sync; }
start_placement() {
  start_uwsgi placement 8778 /usr/bin/placement-api 1 "OS_PLACEMENT_CONFIG_DIR=$ETC/placement"
}

# --- Glance ---------------------------------------------------------------------
glance_db() { glance-manage --config-file "$ETC/glance/glance-api.conf" db_sync; }
start_glance() {
  if [ "$RELEASE" != zed ]; then  # 2025.1: every API under uwsgi (eventlet servers are deprecated)
    start_uwsgi glance 9292 /usr/bin/glance-wsgi-api 1 "OS_GLANCE_CONFIG_DIR=$ETC/glance" --threads 4
    return
  fi
  service_alive glance && return 0
  ensure_port_free glance 9292
  start_service glance "$PY" -c 'import sys; from glance.cmd.api import main; sys.exit(main())' \
    --config-file "$ETC/glance/glance-api.conf"
}

# --- Neutron --------------------------------------------------------------------
neutron_db() {
  rx neutron-db-manage --config-file "$ETC/neutron/neutron.conf" \
    --config-file "$ETC/neutron/ml2_conf.ini" upgrade head
}
start_neutron() {
  local conf=(--config-file "$ETC/neutron/neutron.conf" --config-file "$ETC/neutron/ml2_conf.ini")
  if [ "$RELEASE" = zed ]; then
    service_alive neutron && return 0
    ensure_port_free neutron 9696
    start_service neutron neutron-server "${conf[@]}"
    return
  fi
  # 2025.1: uWSGI is the only supported loader of the API; the periodic tasks
  # and the OVN DB maintenance run as their own processes (no RPC workers:
  # there are no agents).
  if ! service_alive neutron; then
    ensure_port_free neutron 9696
    start_service neutron "$(uwsgi_bin)" --ini "$ETC/neutron/neutron-uwsgi.ini"
  fi
  service_alive neutron-periodic || start_service neutron-periodic neutron-periodic-workers "${conf[@]}"
  service_alive neutron-ovn-maint || start_service neutron-ovn-maint neutron-ovn-maintenance-worker "${conf[@]}"
}

# --- Nova -----------------------------------------------------------------------
nova_db() {  # cells v2 order: api_db sync, map_cell0, create_cell, db sync
  local conf=$ETC/nova/nova.conf
  rx nova-manage --config-file "$conf" api_db sync
  rx nova-manage --config-file "$conf" cell_v2 map_cell0 \
    --database_connection "mysql+pymysql://nova:$DB_PASSWORD@127.0.0.1:3306/nova_cell0?charset=utf8"
  if ! rx nova-manage --config-file "$conf" cell_v2 list_cells 2>/dev/null | grep -q ' cell1 '; then
    rx nova-manage --config-file "$conf" cell_v2 create_cell --name cell1
  fi
  rx nova-manage --config-file "$conf" db sync
}
start_nova_service() {  # NAME MODULE CONF
  local name=$1 mod=$2 conf=$3
  service_alive "$name" && return 0
  start_service "$name" "$PY" -c "import sys; from $mod import main; sys.exit(main())" \
    --config-file "$ETC/nova/$conf"
}
start_nova() {
  if [ "$RELEASE" = zed ]; then
    service_alive nova-api || ensure_port_free nova-api 8774
    start_nova_service nova-api nova.cmd.api nova.conf
  else  # the eventlet API server is deprecated in 2025.1; it reads nova.conf + api-paste.ini there
    start_uwsgi nova-api 8774 /usr/bin/nova-api-wsgi 2 "OS_NOVA_CONFIG_DIR=$ETC/nova"
  fi
  start_nova_service nova-conductor nova.cmd.conductor nova.conf
  start_nova_service nova-scheduler nova.cmd.scheduler nova.conf
  start_nova_service nova-compute nova.cmd.compute nova-cpu.conf
}
# A nova service is healthy when its row in nova.services was updated since it
# started (reports come every 10 s), or within the last 60 s.
nova_service_reporting() {  # NAME (nova-conductor|nova-scheduler|nova-compute)
  local since now
  now=$(date +%s); since=$(service_started_at "$1"); since=${since:-0}
  [ "$since" -gt $((now - 60)) ] || since=$((now - 60))
  [ "$(mysql_root -N -B -e "SET time_zone='+00:00';
      SELECT COUNT(*) FROM nova.services WHERE \`binary\`='$1' AND host='$COMPUTE_HOST'
      AND deleted=0 AND COALESCE(updated_at, created_at) >= FROM_UNIXTIME($since)" 2>/dev/null)" \
      -ge 1 ] 2>/dev/null
}
compute_node_registered() {
  [ "$(mysql_root -N -B -e "SELECT COUNT(*) FROM nova.compute_nodes
      WHERE host='$COMPUTE_HOST' AND deleted=0" 2>/dev/null)" -ge 1 ] 2>/dev/null
}
discover_hosts() {
  marker hosts-discovered && return 0
  rx nova-manage --config-file "$ETC/nova/nova.conf" cell_v2 discover_hosts --verbose \
    >>"$LOG/nova-discover-hosts.log" 2>&1 || fail_service nova-discover-hosts "discover_hosts failed"
  set_marker hosts-discovered
}

# Quick path for a re-run of `up --with-servers`: vm1..vm3 of project demo are
# ACTIVE, idle and have an IP in 10.0.0.0/24 (read from Nova's DB; an API
# check would wait for a fresh token to be validated).
servers_ready_db() {
  [ "$(mysql_root -N -B -e "SELECT COUNT(DISTINCT i.display_name)
      FROM nova.instances i JOIN nova.instance_info_caches c ON c.instance_uuid = i.uuid
      WHERE i.deleted = 0 AND i.display_name IN ('vm1','vm2','vm3')
        AND i.vm_state = 'active' AND i.task_state IS NULL
        AND i.project_id = (SELECT id FROM keystone.project WHERE name = 'demo')
        AND c.network_info LIKE '%\"ips\": [{\"address\": \"10.0.0.%'" 2>/dev/null)" = 3 ]
}

# --- seeding --------------------------------------------------------------------
seed() {  # PHASE [ARGS]
  local phase=$1; shift
  if ! rx env OS_CLIENT_CONFIG_FILE="$STATE/clouds.yaml" SERVICE_PASSWORD="$SERVICE_PASSWORD" \
       DEMO_PASSWORD="$DEMO_PASSWORD" ALT_DEMO_PASSWORD="$ALT_DEMO_PASSWORD" \
       "$PY" "$STATE/bin/seed.py" "$phase" "$@" \
       2>&1 | tee -a "$LOG/seed.log"; then
    fail_service seed "seeding ($phase) failed"
  fi
}
