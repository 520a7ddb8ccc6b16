# shellcheck shell=bash
# The Debian 13 (trixie) root of release 2025.1: built once with debootstrap
# on the Debian 12 host (whose keyring holds trixie's keys) and kept, so that
# later bring-ups only start services. Mounted in it while the cloud runs:
# /proc (apt, dpkg and every service need nothing else) and the state dir
# (bind mount, same path); devcloud/down unmounts both.

ROOT_SUITE=trixie
MIRROR=${DEVCLOUD_MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${DEVCLOUD_SECURITY_MIRROR:-http://deb.debian.org/debian-security}

mounted() { grep -q "^[^ ]* $1 " /proc/mounts; }
# /proc, and the state dir at the same path inside the root as outside it
# (so every path in the configs means the same thing on both sides).
mount_root() {
  mounted "$ROOT/proc" || mount -t proc proc "$ROOT/proc" || die "cannot mount /proc in $ROOT"
  if ! mounted "$ROOT$STATE"; then
    mkdir -p "$ROOT$STATE"
    mount --bind "$STATE" "$ROOT$STATE" || die "cannot bind-mount $STATE at $ROOT$STATE"
  fi
}
# Processes whose root directory is $ROOT (ours, or another state dir's).
root_pids() {
  local p r
  for p in /proc/[0-9]*; do
    r=$(readlink "$p/root" 2>/dev/null) || continue
    [ "$r" = "$ROOT" ] && echo "${p#/proc/}"
  done
  return 0
}
# After down: our state mount goes; /proc too unless another state dir's
# services still run in the root.
umount_root() {
  [ -n "$ROOT" ] || return 0
  if mounted "$ROOT$STATE"; then umount "$ROOT$STATE" || warn "could not unmount $ROOT$STATE"; fi
  mounted "$ROOT/proc" || return 0
  if [ -n "$(root_pids)" ]; then
    log "processes of another state dir still run in $ROOT: its /proc stays mounted"
    return 0
  fi
  umount "$ROOT/proc" || warn "could not unmount $ROOT/proc"
}

host_tools() {  # debootstrap on the host; curl and jq for devcloud/smoke
  local t missing=()
  for t in debootstrap:debootstrap curl:curl jq:jq; do
    command -v "${t%%:*}" >/dev/null || missing+=("${t#*:}")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing on the host: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 update -q >>"$LOG/apt.log" 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q \
    --no-install-recommends "${missing[@]}" >>"$LOG/apt.log" 2>&1 \
    || die "apt-get install ${missing[*]} failed (see $LOG/apt.log)"
}

build_root() {
  local done_marker=$ROOT/etc/stackgate-devcloud-root
  if [ ! -e "$done_marker" ]; then
    host_tools
    # A half-built root from an interrupted run: start over (never with /proc
    # mounted: rm would walk into the host's processes).
    if [ -e "$ROOT" ]; then
      [ -z "$(root_pids)" ] || die "$ROOT is half built but processes run in it"
      umount_root
      ! grep -q " $ROOT/" /proc/mounts || die "something is still mounted under $ROOT (see /proc/mounts)"
      log "removing the incomplete root $ROOT"
      rm -rf --one-file-system "${ROOT:?}"
    fi
    mkdir -p "$(dirname "$ROOT")"
    log "building the Debian 13 root $ROOT (debootstrap $ROOT_SUITE, first run only, ~30 s)"
    debootstrap --variant=minbase --include=adduser "$ROOT_SUITE" "$ROOT" "$MIRROR" \
      >>"$LOG/debootstrap.log" 2>&1 || fail_service debootstrap "debootstrap $ROOT_SUITE $ROOT failed"
    printf '#!/bin/sh\n# devcloud: postinst scripts start no service in this root\nexit 101\n' \
      >"$ROOT/usr/sbin/policy-rc.d"
    chmod 755 "$ROOT/usr/sbin/policy-rc.d"
    # debootstrap writes no /etc/hosts; RabbitMQ's node is rabbit@localhost.
    printf '127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n' >"$ROOT/etc/hosts"
    cat >"$ROOT/etc/apt/sources.list" <<SOURCES
deb $MIRROR $ROOT_SUITE main
deb $MIRROR $ROOT_SUITE-updates main
deb $SECURITY_MIRROR $ROOT_SUITE-security main
SOURCES
    date -u +%FT%TZ >"$done_marker"
  fi
  mount_root
}
