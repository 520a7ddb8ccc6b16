#!/bin/bash
# Fake ovn-controller for chassis HOST (= nova's [DEFAULT] host).
#
# There is no dataplane, so no real ovn-controller. Neutron's OVN driver binds
# a port only to a host whose OVN "controller agent" is alive, i.e. whose SB
# Chassis_Private.nb_cfg keeps up with NB_Global.nb_cfg. This loop:
#  - registers the chassis (Chassis + Chassis_Private) if missing,
#  - every 2 s copies SB_Global.nb_cfg into Chassis_Private (agent "alive"),
#  - claims VIF Port_Bindings requested for HOST (chassis + up=true), so that
#    northd sets the LSP up and neutron marks the port ACTIVE,
#  - releases claimed bindings that are no longer requested for HOST.
# Usage: ovn-heartbeat.sh SB_DB HOST
set -u
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
SB=$1 HOST=$2
sbctl() { ovn-sbctl --db="$SB" --timeout=10 "$@"; }
now_ms() { date +%s%3N; }

register() {
  local ch
  ch=$(sbctl --bare --columns=_uuid find Chassis name="$HOST") || return 1
  if [ -z "$ch" ]; then
    sbctl chassis-add "$HOST" geneve 127.0.0.1 || return 1
    ch=$(sbctl --bare --columns=_uuid find Chassis name="$HOST") || return 1
    echo "$(date -u +%T) registered chassis $HOST ($ch)"
  fi
  sbctl set Chassis "$ch" hostname="$HOST" \
    external_ids:ovn-bridge-mappings=public:br-ex \
    external_ids:ovn-cms-options=enable-chassis-as-gw \
    external_ids:datapath-type=system \
    external_ids:iface-types=geneve,internal,system \
    other_config:ovn-bridge-mappings=public:br-ex \
    other_config:ovn-cms-options=enable-chassis-as-gw \
    other_config:datapath-type=system \
    other_config:iface-types=geneve,internal,system || return 1
  # chassis-add does not create Chassis_Private; without it neutron has no agent.
  if [ -z "$(sbctl --bare --columns=_uuid find Chassis_Private name="$HOST")" ]; then
    sbctl create Chassis_Private name="$HOST" chassis="$ch" nb_cfg=0 nb_cfg_timestamp="$(now_ms)" >/dev/null || return 1
    echo "$(date -u +%T) created Chassis_Private $HOST"
  fi
  CHASSIS=$ch
}

beat() {
  local cfg pb claimed requested
  cfg=$(sbctl get SB_Global . nb_cfg) || return 1
  sbctl set Chassis_Private "$HOST" nb_cfg="$cfg" nb_cfg_timestamp="$(now_ms)" || return 1
  requested=$(sbctl --bare --columns=_uuid find Port_Binding 'type=""' options:requested-chassis="$HOST") || return 1
  claimed=$(sbctl --bare --columns=_uuid find Port_Binding 'type=""' chassis="$CHASSIS") || return 1
  local claimed_s=" ${claimed//$'\n'/ } " requested_s=" ${requested//$'\n'/ } "
  for pb in $requested; do
    case $claimed_s in *" $pb "*) continue ;; esac
    sbctl set Port_Binding "$pb" chassis="$CHASSIS" up=true && echo "$(date -u +%T) claimed $pb"
  done
  for pb in $claimed; do
    case $requested_s in *" $pb "*) continue ;; esac
    sbctl clear Port_Binding "$pb" chassis -- set Port_Binding "$pb" up=false && echo "$(date -u +%T) released $pb"
  done
}

CHASSIS=""
while :; do
  if [ -z "$CHASSIS" ]; then
    register || { echo "$(date -u +%T) SB not reachable yet"; CHASSIS=""; }
  else
    beat || { echo "$(date -u +%T) heartbeat failed; re-registering"; CHASSIS=""; }
  fi
  sleep 2
done
