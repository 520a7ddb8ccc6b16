# shellcheck shell=bash
# Installs the Debian packages devcloud needs, when any is missing: on the
# host (zed: Debian 12) or in the release's root (2025.1: Debian 13, see
# lib/root.sh). Only the library/"-common" packages are installed, not the
# daemon packages (keystone, nova-api, ...): those add init scripts and
# debconf/dbconfig logic only, and nova-compute would drag in qemu.

PACKAGES=(
  mariadb-server python3-pymysql rabbitmq-server
  ovn-central ovn-common openvswitch-common
  uwsgi-core uwsgi-plugin-python3
  python3-keystone nova-common glance-common neutron-common placement-common
  python3-openstackclient python3-osc-placement
  curl jq gettext-base
)

missing_packages() {
  local p
  for p in "${PACKAGES[@]}"; do
    rx dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || echo "$p"
  done
}

# Answer openstack-pkg-tools' debconf questions with "no" (do not touch any
# database, rabbit, keystone or endpoint on our behalf).
preseed_debconf() {
  local pkg q sel=""
  for pkg in keystone glance-common nova-common neutron-common placement-common; do
    for q in configure_db configure_rabbit configure_ksat register-endpoint \
             configure_neutron configure_placement create-admin-tenant dbconfig-install; do
      sel+="$pkg $pkg/$q boolean false"$'\n'
    done
  done
  printf '%s' "$sel" | rx debconf-set-selections
}

install_packages() {
  local missing
  [ -z "$ROOT" ] || build_root
  missing=$(missing_packages | tr '\n' ' ')
  [ -n "${missing// /}" ] || return 0
  log "installing Debian packages${ROOT:+ into $ROOT} (first run only, ~2-3 min): $missing"
  preseed_debconf
  # Postinst scripts must start nothing (the system mariadb/rabbitmq/ovn would
  # grab our ports). Keep an existing policy-rc.d; otherwise add one for the
  # duration of the install only (the root keeps its own for good).
  local own_policy="" policy=$ROOT/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\n# temporary, devcloud/up\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    own_policy=1
  fi
  local rc=0
  {
    rx env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 update -q &&
    rx env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      -o DPkg::Lock::Timeout=900 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
      "${PACKAGES[@]}" &&
    { [ -z "$ROOT" ] || rx apt-get clean; }   # the root keeps no .debs (266 MB)
  } >>"$LOG/apt.log" 2>&1 || rc=$?
  [ -n "$own_policy" ] && rm -f "$policy"
  if [ "$rc" != 0 ]; then
    { echo "[devcloud] ERROR: package install failed (rc=$rc); last lines of $LOG/apt.log:"; tail -n 40 "$LOG/apt.log"; } >&2
    exit 1
  fi
  missing=$(missing_packages | tr '\n' ' ')
  [ -z "${missing// /}" ] || die "still missing after apt-get install: $missing"
  log "packages installed"
}
