package io.stackgate.server.servers.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.stackgate.api.AddressDto;
import io.stackgate.api.ResourceRefDto;
import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.FloatingIp;
import io.stackgate.server.cloud.ServerPort;
import io.stackgate.testing.MutableClock;

/**
 * A project's Nova and Neutron in memory, behind {@link ProjectSource}, with a clock the
 * test moves: servers carry the time they last changed, and {@code changes-since} returns
 * those changed since, deleted ones with status {@code DELETED} as Nova does. Every call
 * is recorded.
 */
final class FakeProject implements ProjectSource {

	static final Instant T0 = Instant.parse("2026-12-02T03:00:00Z");

	final MutableClock clock = new MutableClock(T0);

	final List<String> calls = new CopyOnWriteArrayList<>();

	final List<CallContext> contexts = new CopyOnWriteArrayList<>();

	private final Map<String, ServerDto> servers = new ConcurrentHashMap<>();

	private final Map<String, Instant> changed = new ConcurrentHashMap<>();

	final List<ServerPort> ports = new CopyOnWriteArrayList<>();

	final List<FloatingIp> floatingIps = new CopyOnWriteArrayList<>();

	final Map<String, String> networkNames = new ConcurrentHashMap<>(Map.of("net-private", "private"));

	/** Nova forgets deleted servers at once instead of showing them as DELETED. */
	boolean purgesDeleted;

	static ServerDto server(String id, String name, ServerStatus status, Instant created) {
		return new ServerDto(id, name, status, List.of(new AddressDto("private", "10.0.0.9", 4, AddressDto.Type.FIXED)),
				new ResourceRefDto("42", null), new ResourceRefDto("img-1", null), created, null, Map.of());
	}

	void put(ServerDto server) {
		this.servers.put(server.id(), server);
		this.changed.put(server.id(), this.clock.instant());
	}

	void delete(String id) {
		ServerDto server = this.servers.get(id);
		if (this.purgesDeleted) {
			this.servers.remove(id);
			this.changed.remove(id);
		}
		else {
			put(server.withStatus(ServerStatus.DELETED));
		}
	}

	@Override
	public List<ServerDto> servers(CallContext context) {
		record("servers", context);
		return this.servers.values().stream().filter((server) -> server.status() != ServerStatus.DELETED).toList();
	}

	@Override
	public List<ServerDto> serversChangedSince(CallContext context, Instant since) {
		record("changes-since " + since, context);
		return this.servers.values()
			.stream()
			.filter((server) -> !this.changed.get(server.id()).isBefore(since))
			.toList();
	}

	@Override
	public List<ServerPort> serverPorts(CallContext context) {
		record("ports", context);
		return List.copyOf(this.ports);
	}

	@Override
	public List<FloatingIp> floatingIps(CallContext context) {
		record("floatingips", context);
		return List.copyOf(this.floatingIps);
	}

	@Override
	public Map<String, String> networkNames(CallContext context) {
		record("networks", context);
		return Map.copyOf(this.networkNames);
	}

	private void record(String call, CallContext context) {
		this.calls.add(call);
		this.contexts.add(context);
	}

}
