# shellcheck shell=bash
# Stopping and starting single services of a running devcloud (devcloud/stop,
# devcloud/start): for fault tests that take one OpenStack service away and
# bring it back. Only the sessions recorded in our PID files are touched.

# The services that may be stopped and started on their own.
SINGLE_SERVICES=(keystone nova-api nova-conductor neutron glance placement rabbitmq mariadb)

# single_members NAME: the PID-file names NAME stands for (2025.1's neutron is
# the uwsgi API plus its periodic and OVN maintenance workers).
single_members() {
  case $1 in
    neutron) [ "$RELEASE" = zed ] && echo neutron || echo neutron neutron-periodic neutron-ovn-maint ;;
    *) echo "$1" ;;
  esac
}

check_single_names() {  # NAME...: dies on an unknown name or none at all
  [ $# -gt 0 ] || die "name at least one service (${SINGLE_SERVICES[*]})"
  local n s ok
  for n in "$@"; do
    ok=""
    for s in "${SINGLE_SERVICES[@]}"; do [ "$n" = "$s" ] && ok=1; done
    [ -n "$ok" ] || die "unknown service '$n' (one of: ${SINGLE_SERVICES[*]})"
  done
}

stop_single() {  # NAME...
  local n members=()
  for n in "$@"; do
    # shellcheck disable=SC2207
    members+=($(single_members "$n"))
  done
  stop_services "${members[@]}"
  log "stopped ${members[*]}"
}

# start_single NAME: starts NAME (a no-op when it runs) and waits until it answers.
start_single() {
  case $1 in
    mariadb) start_mariadb; wait_for mariadb 60 mariadb_ready ;;
    rabbitmq) start_rabbitmq; wait_for rabbitmq 120 port_open 5672 ;;
    keystone) start_keystone; wait_for keystone 120 keystone_ready ;;
    placement) start_placement; wait_for placement 120 http_ok http://127.0.0.1:8778/ ;;
    glance) start_glance; wait_for glance 120 http_ok http://127.0.0.1:9292/ ;;
    neutron) start_neutron; wait_for neutron 180 http_ok http://127.0.0.1:9696/ ;;
    nova-api)
      if [ "$RELEASE" = zed ]; then
        service_alive nova-api || ensure_port_free nova-api 8774
        start_nova_service nova-api nova.cmd.api nova.conf
      else
        start_uwsgi nova-api 8774 /usr/bin/nova-api-wsgi 2 "OS_NOVA_CONFIG_DIR=$ETC/nova"
      fi
      wait_for nova-api 180 http_ok http://127.0.0.1:8774/ ;;
    nova-conductor)
      start_nova_service nova-conductor nova.cmd.conductor nova.conf
      wait_for nova-conductor 120 nova_service_reporting nova-conductor ;;
  esac
  log "$1 answers"
}
