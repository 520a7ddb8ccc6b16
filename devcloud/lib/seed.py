#!/usr/bin/python3
"""Idempotent seeding of the devcloud, in one process with openstacksdk.

The `openstack` CLI costs ~2.5 s per call on a small box; this does the same
work in seconds. Every step looks up before it creates, so it can be re-run.

  seed.py identity             projects, users, roles, service catalog
  seed.py resources            flavors, images, networks, router
  seed.py servers [--count N]  vm1..vmN in project demo, wait ACTIVE + IP
  seed.py readopt              after a nova-compute restart: hard-reboot the
                               ACTIVE servers so the fake driver knows them again
  seed.py remote [--base URL]  region RegionRemote with public endpoints at
                               URL/identity/v3, /compute/v2.1, /image,
                               /networking, /placement (devcloud/remote)

Reads clouds from OS_CLIENT_CONFIG_FILE (written by devcloud/up).
"""
import argparse
import ipaddress
import os
import struct
import sys
import time

import openstack

REGION = "RegionOne"
SERVICE_PASSWORD = os.environ.get("SERVICE_PASSWORD", "secret")
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "demo")
ALT_DEMO_PASSWORD = os.environ.get("ALT_DEMO_PASSWORD", "alt_demo")

# devstack's flavors: name, id, vcpus, ram MiB, disk GiB
FLAVORS = [
    ("m1.nano", "42", 1, 128, 1),
    ("m1.micro", "84", 1, 256, 1),
    ("m1.tiny", "1", 1, 512, 1),
    ("m1.small", "2", 1, 2048, 20),
    ("m1.medium", "3", 2, 4096, 40),
    ("m1.large", "4", 4, 8192, 80),
]

CATALOG = [  # service name, type, URL
    ("nova", "compute", "http://127.0.0.1:8774/v2.1"),
    ("glance", "image", "http://127.0.0.1:9292"),
    ("neutron", "network", "http://127.0.0.1:9696"),
    ("placement", "placement", "http://127.0.0.1:8778"),
]

PRIVATE_CIDR = "10.0.0.0/24"

# devcloud/remote: the same services behind TLS with devstack's paths.
REMOTE_REGION = "RegionRemote"
REMOTE_CATALOG = [  # type, path under the base URL
    ("identity", "/identity/v3"),
    ("compute", "/compute/v2.1"),
    ("image", "/image"),
    ("network", "/networking"),
    ("placement", "/placement"),
]


def log(msg):
    print(f"[seed] {msg}", flush=True)


def first(iterable):
    for item in iterable:
        return item
    return None


# --------------------------------------------------------------------------
# identity
# --------------------------------------------------------------------------
def seed_identity(conn):
    idc = conn.identity
    domain_id = "default"

    roles = {}
    for name in ("admin", "member", "reader", "service"):
        role = first(idc.roles(name=name)) or idc.create_role(name=name)
        roles[name] = role

    projects = {}
    for name, desc in (("admin", "admin"), ("service", "Service project"),
                       ("demo", "Demo project"), ("alt_demo", "Alternate demo project")):
        proj = first(idc.projects(name=name, domain_id=domain_id))
        if proj is None:
            proj = idc.create_project(name=name, description=desc, domain_id=domain_id)
            log(f"created project {name}")
        projects[name] = proj

    def ensure_user(name, password, project):
        user = first(idc.users(name=name, domain_id=domain_id))
        if user is None:
            user = idc.create_user(name=name, password=password, domain_id=domain_id,
                                   default_project_id=project.id, enabled=True)
            log(f"created user {name}")
        return user

    def grant(user, project, role):
        # role_assignments_filter yields the roles the user has on the project
        have = {r.id for r in idc.role_assignments_filter(project=project, user=user)}
        if role.id not in have:
            idc.assign_project_role_to_user(project, user, role)

    for svc in ("glance", "nova", "placement", "neutron"):
        user = ensure_user(svc, SERVICE_PASSWORD, projects["service"])
        grant(user, projects["service"], roles["admin"])
        grant(user, projects["service"], roles["service"])

    demo = ensure_user("demo", DEMO_PASSWORD, projects["demo"])
    grant(demo, projects["demo"], roles["member"])
    alt = ensure_user("alt_demo", ALT_DEMO_PASSWORD, projects["alt_demo"])
    grant(alt, projects["alt_demo"], roles["member"])

    for name, stype, url in CATALOG:
        svc = first(idc.services(type=stype))
        if svc is None:
            svc = idc.create_service(name=name, type=stype, enabled=True)
            log(f"created service {name} ({stype})")
        have = {e.interface for e in idc.endpoints(service_id=svc.id) if e.region_id == REGION}
        for iface in ("public", "internal", "admin"):
            if iface not in have:
                idc.create_endpoint(service_id=svc.id, interface=iface, url=url,
                                    region_id=REGION, enabled=True)
    log("identity: projects, users, roles and catalog in place")


def seed_remote(conn, base):
    """RegionRemote's public endpoints (RegionOne's are left as they are)."""
    idc = conn.identity
    if first(r for r in idc.regions() if r.id == REMOTE_REGION) is None:
        idc.create_region(id=REMOTE_REGION,
                          description="devcloud/remote: TLS, devstack's paths, a round trip")
        log(f"created region {REMOTE_REGION}")
    for stype, path in REMOTE_CATALOG:
        url = base.rstrip("/") + path
        svc = first(idc.services(type=stype))
        if svc is None:
            raise SystemExit(f"[seed] ERROR: no {stype} service in the catalog (run devcloud/up)")
        mine = [e for e in idc.endpoints(service_id=svc.id)
                if e.region_id == REMOTE_REGION and e.interface == "public"]
        if not mine:
            idc.create_endpoint(service_id=svc.id, interface="public", url=url,
                                region_id=REMOTE_REGION, enabled=True)
            log(f"created {REMOTE_REGION} endpoint {stype} {url}")
        for e in mine:
            if e.url != url or not e.is_enabled:
                idc.update_endpoint(e, url=url, is_enabled=True)
                log(f"updated {REMOTE_REGION} endpoint {stype} {url}")
    log(f"remote: region {REMOTE_REGION} with public endpoints under {base}")


# --------------------------------------------------------------------------
# resources
# --------------------------------------------------------------------------
def qcow2_image(size=1 << 30):
    """A minimal but valid qcow2 v3 image of SIZE bytes (all unallocated).

    Glance parses qcow2 headers (virtual size); random bytes get a 500.
    Layout, 64 KiB clusters: header | refcount table | refcount block | L1.
    """
    cluster_bits = 16
    cs = 1 << cluster_bits
    l2_entries = cs // 8
    l1_size = -(-size // (cs * l2_entries))
    header = struct.pack(
        ">4sIQIIQIIQQIIQQQQII",
        b"QFI\xfb", 3,          # magic, version
        0, 0,                   # backing file offset, size
        cluster_bits, size,
        0,                      # crypt method
        l1_size, 3 * cs,        # L1 size, L1 offset
        1 * cs, 1,              # refcount table offset, clusters
        0, 0,                   # snapshots
        0, 0, 0,                # incompatible, compatible, autoclear features
        4, 104,                 # refcount order (16 bit), header length
    )
    header += b"\0" * 8         # end of header extensions
    rc_table = struct.pack(">Q", 2 * cs)
    rc_block = struct.pack(">4H", 1, 1, 1, 1)  # clusters 0..3 in use
    out = bytearray(4 * cs)
    out[0:len(header)] = header
    out[cs:cs + len(rc_table)] = rc_table
    out[2 * cs:2 * cs + len(rc_block)] = rc_block
    return bytes(out)


def ensure_image(conn, name, disk_format, data):
    img = first(conn.image.images(name=name))
    if img is not None and img.status == "active":
        return img
    if img is not None:
        log(f"image {name} is {img.status}; re-creating")
        conn.image.delete_image(img)
    img = conn.image.create_image(
        name=name, data=data, disk_format=disk_format, container_format="bare",
        visibility="public", allow_duplicates=True, validate_checksum=False,
        wait=True, timeout=120)
    img = conn.image.get_image(img.id)
    if img.status != "active":
        raise SystemExit(f"image {name} ended {img.status}")
    log(f"created image {name} ({disk_format})")
    return img


def ensure_network(conn, name, project_id=None, **attrs):
    query = {"name": name}
    if project_id:
        query["project_id"] = project_id
    net = first(conn.network.networks(**query))
    if net is None:
        if project_id:
            attrs["project_id"] = project_id
        net = conn.network.create_network(name=name, **attrs)
        log(f"created network {name}")
    return net


def ensure_subnet(conn, net, name, cidr, **attrs):
    sub = first(conn.network.subnets(name=name, network_id=net.id))
    if sub is None:
        sub = conn.network.create_subnet(name=name, network_id=net.id, ip_version=4,
                                         cidr=cidr, project_id=net.project_id, **attrs)
        log(f"created subnet {name} {cidr}")
    return sub


def seed_resources(conn):
    for name, fid, vcpus, ram, disk in FLAVORS:
        if first(f for f in conn.compute.flavors(is_public=None) if f.name == name) is None:
            conn.compute.create_flavor(name=name, id=fid, vcpus=vcpus, ram=ram, disk=disk,
                                       is_public=True)
            log(f"created flavor {name}")

    ensure_image(conn, "cirros-fake-raw", "raw", os.urandom(64 * 1024))
    ensure_image(conn, "cirros-fake-qcow2", "qcow2", qcow2_image())

    idc = conn.identity
    demo = first(idc.projects(name="demo"))
    alt = first(idc.projects(name="alt_demo"))
    admin = first(idc.projects(name="admin"))

    public = ensure_network(conn, "public", project_id=admin.id, is_router_external=True,
                            is_shared=False, provider_network_type="flat",
                            provider_physical_network="public")
    ensure_subnet(conn, public, "public-subnet", "172.24.4.0/24", gateway_ip="172.24.4.1",
                  allocation_pools=[{"start": "172.24.4.2", "end": "172.24.4.254"}],
                  is_dhcp_enabled=False)

    private = ensure_network(conn, "private", project_id=demo.id)
    psub = ensure_subnet(conn, private, "private-subnet", PRIVATE_CIDR, gateway_ip="10.0.0.1")

    alt_net = ensure_network(conn, "alt-private", project_id=alt.id)
    ensure_subnet(conn, alt_net, "alt-private-subnet", "10.0.1.0/24", gateway_ip="10.0.1.1")

    router = first(conn.network.routers(name="router1", project_id=demo.id))
    if router is None:
        router = conn.network.create_router(
            name="router1", project_id=demo.id,
            external_gateway_info={"network_id": public.id})
        log("created router router1")
    if not first(conn.network.ports(device_id=router.id, fixed_ips=f"subnet_id={psub.id}")):
        conn.network.add_interface_to_router(router, subnet_id=psub.id)
        log("attached private-subnet to router1")
    log("resources: flavors, images, networks and router in place")


# --------------------------------------------------------------------------
# servers
# --------------------------------------------------------------------------
def server_ip(server):
    net = ipaddress.ip_network(PRIVATE_CIDR)
    for addrs in (server.addresses or {}).values():
        for a in addrs:
            try:
                if ipaddress.ip_address(a["addr"]) in net:
                    return a["addr"]
            except ValueError:
                pass
    return None


def seed_servers(conn, count, flavor_name, timeout):
    names = [f"vm{i}" for i in range(1, count + 1)]
    existing = {s.name: s for s in conn.compute.servers(details=True) if s.name in names}
    if all(name in existing and existing[name].status == "ACTIVE" and server_ip(existing[name])
           for name in names):  # the common re-run: one API call
        for name in names:
            log(f"{name} ACTIVE {server_ip(existing[name])} (already there)")
        return
    image = first(conn.image.images(name="cirros-fake-raw"))
    flavor = first(f for f in conn.compute.flavors() if f.name == flavor_name)
    net = first(conn.network.networks(name="private", project_id=conn.current_project_id))
    if not (image and flavor and net):
        raise SystemExit("servers: image/flavor/network missing; run resources first")

    started = {}
    for name in names:
        s = existing.get(name)
        if s is not None and s.status == "ERROR":
            log(f"{name} is in ERROR; deleting and re-creating")
            conn.compute.delete_server(s)
            conn.compute.wait_for_delete(s, wait=120)
            s = None
        if s is None:
            started[name] = time.monotonic()
            conn.compute.create_server(name=name, image_id=image.id, flavor_id=flavor.id,
                                       networks=[{"uuid": net.id}])
    if started:
        log(f"creating {', '.join(started)} ({flavor_name}, cirros-fake-raw, private)")

    deadline = time.monotonic() + timeout
    done = {}
    while True:
        servers = {s.name: s for s in conn.compute.servers(details=True) if s.name in names}
        for name in names:
            s = servers.get(name)
            if s is None:
                raise SystemExit(f"server {name} disappeared")
            if s.status == "ERROR":
                fault = (s.fault or {}).get("message", "")
                raise SystemExit(f"server {name} went to ERROR: {fault}")
            ip = server_ip(s)
            if name not in done and s.status == "ACTIVE" and ip:
                done[name] = ip
                if name in started:
                    log(f"{name} ACTIVE {ip} after {time.monotonic() - started[name]:.1f}s")
                else:
                    log(f"{name} ACTIVE {ip} (already there)")
        if len(done) == len(names):
            return
        if time.monotonic() > deadline:
            pending = [f"{n}={servers[n].status}" for n in names if n not in done]
            raise SystemExit(f"servers not ACTIVE with an IP after {timeout}s: {pending}")
        time.sleep(1)


def readopt_servers(conn, timeout):
    """FakeDriver keeps its instances in memory: a restarted nova-compute has
    forgotten them (stop/start would fail with InstanceNotFound). A HARD
    reboot of an unknown instance makes FakeDriver spawn it again."""
    servers = [s for s in conn.compute.servers(all_projects=True, details=True)
               if s.status == "ACTIVE" and not s.task_state]
    if not servers:
        return
    log(f"re-adopting {len(servers)} ACTIVE server(s) after nova-compute restart (hard reboot)")
    for s in servers:
        conn.compute.reboot_server(s, "HARD")
    ids = {s.id for s in servers}
    deadline = time.monotonic() + timeout
    time.sleep(1)
    while True:
        pending = [s for s in conn.compute.servers(all_projects=True, details=True)
                   if s.id in ids and (s.status != "ACTIVE" or s.task_state)]
        if not pending:
            return
        bad = [s for s in pending if s.status == "ERROR"]
        if bad:
            raise SystemExit(f"re-adopt: {', '.join(s.name for s in bad)} went to ERROR")
        if time.monotonic() > deadline:
            raise SystemExit(f"re-adopt: still rebooting after {timeout}s: "
                             + ", ".join(f"{s.name}={s.status}/{s.task_state}" for s in pending))
        time.sleep(1)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("phase", choices=["identity", "resources", "servers", "readopt", "remote"])
    ap.add_argument("--base", default="https://127.0.0.1:8443")
    ap.add_argument("--count", type=int, default=3)
    ap.add_argument("--flavor", default="m1.tiny")
    ap.add_argument("--timeout", type=int, default=300)
    args = ap.parse_args()
    t0 = time.monotonic()
    if args.phase == "identity":
        seed_identity(openstack.connect(cloud="devcloud-admin"))
    elif args.phase == "resources":
        seed_resources(openstack.connect(cloud="devcloud-admin"))
    elif args.phase == "remote":
        seed_remote(openstack.connect(cloud="devcloud-admin"), args.base)
    elif args.phase == "readopt":
        readopt_servers(openstack.connect(cloud="devcloud-admin"), args.timeout)
    else:
        seed_servers(openstack.connect(cloud="devcloud"), args.count, args.flavor, args.timeout)
    log(f"{args.phase} done in {time.monotonic() - t0:.1f}s")


if __name__ == "__main__":
    try:
        main()
    except openstack.exceptions.SDKException as exc:
        print(f"[seed] ERROR: {exc}", file=sys.stderr)
        sys.exit(1)
