package io.stackgate.server.servers.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import io.stackgate.api.ServerDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudSession;
import io.stackgate.server.cloud.FloatingIp;
import io.stackgate.server.cloud.ServerPort;
import io.stackgate.server.problem.InvalidRequestException;
import io.stackgate.server.concurrent.Futures;

/**
 * The live view of one project's servers. A refresh asks Nova for the servers changed
 * since shortly before the previous one ({@code changes-since}, which includes deleted
 * servers; every {@code stackgate.live.resync-interval} it lists them all instead) and
 * lists the project's ports and floating IPs, whose addresses it puts on the servers. It
 * then publishes an immutable snapshot, which lists read without locking, and the
 * differences, which go to the watchers.
 */
final class ServerView {

	private final String projectId;

	private final ProjectSource source;

	private final Executor executor;

	private final LiveViewProperties properties;

	private final Clock clock;

	private final Credentials credentials;

	private final ReentrantLock refreshLock = new ReentrantLock();

	/*
	 * Guarded by refreshLock: the servers as Nova shows them, by id; the names of their
	 * networks; when the last refresh and the last full resync started (null before the
	 * first).
	 */
	private Map<String, ServerDto> novaServers = new HashMap<>();

	private Map<String, String> networkNames = Map.of();

	private Instant lastRefresh;

	private Instant lastResync;

	private final AtomicBoolean polling = new AtomicBoolean();

	private final AtomicLong writes = new AtomicLong();

	private volatile long writesSeen;

	private volatile Instant lastUsed;

	private final ViewPublisher publisher;

	ServerView(String projectId, ProjectSource source, LiveViewProperties properties, Clock clock, Executor executor) {
		this.projectId = projectId;
		this.source = source;
		this.executor = executor;
		this.properties = properties;
		this.clock = clock;
		this.credentials = new Credentials(properties.tokenMargin());
		this.publisher = new ViewPublisher(properties.replayEvents());
		this.lastUsed = clock.instant();
	}

	String projectId() {
		return this.projectId;
	}

	Credentials credentials() {
		return this.credentials;
	}

	/**
	 * A caller used the view: it stays fresh, and the caller's session may refresh it.
	 */
	void used(CloudSession session) {
		this.lastUsed = this.clock.instant();
		this.credentials.offer(session);
	}

	/**
	 * @return {@code true} once: for the caller that starts the view's background
	 * refreshes
	 */
	boolean startPolling() {
		return this.polling.compareAndSet(false, true);
	}

	/**
	 * A caller changed the project's servers through the gateway: its next list refreshes
	 * first.
	 */
	void wrote() {
		this.writes.incrementAndGet();
	}

	/**
	 * @return whether a write through the gateway happened after the last refresh started
	 */
	boolean hasUnseenWrites() {
		return this.writes.get() != this.writesSeen;
	}

	/**
	 * @return whether the view has been loaded
	 */
	boolean isLoaded() {
		return this.publisher.snapshot().asOf() != null;
	}

	/**
	 * @return whether someone watches the view or listed it within
	 * {@code stackgate.live.idle-after}
	 */
	boolean inUse(Instant now) {
		return this.publisher.watchers() > 0 || now.isBefore(this.lastUsed.plus(this.properties.idleAfter()));
	}

	/**
	 * @return how old the view is, or {@code null} when it has not been loaded
	 */
	Duration age(Instant now) {
		return this.publisher.snapshot().age(now);
	}

	/** Loads the view with the caller's session, unless another caller already did. */
	void load(CallContext context) {
		refreshIf(() -> !isLoaded(), context);
	}

	/**
	 * Refreshes the view for a caller that wrote, unless a refresh that started after the
	 * write already ran.
	 */
	void catchUp(CallContext context) {
		long wanted = this.writes.get();
		refreshIf(() -> this.writesSeen - wanted < 0, context);
	}

	private void refreshIf(BooleanSupplier needed, CallContext context) {
		this.refreshLock.lock();
		try {
			if (needed.getAsBoolean()) {
				refresh(context);
			}
		}
		finally {
			this.refreshLock.unlock();
		}
	}

	/**
	 * Asks OpenStack what changed and publishes it.
	 * @return whether it was a full resync
	 * @throws TooManyServersException when the project has more servers than a view holds
	 * @throws io.stackgate.server.cloud.CloudException when OpenStack failed; the view
	 * stays as it was
	 */
	boolean refresh(CallContext context) {
		this.refreshLock.lock();
		try {
			Instant started = this.clock.instant();
			long writesAtStart = this.writes.get();
			boolean full = this.lastResync == null
					|| !started.isBefore(this.lastResync.plus(this.properties.resyncInterval()));
			Instant since = full ? null
					: this.lastRefresh.minus(this.properties.changesOverlap()).truncatedTo(ChronoUnit.SECONDS);
			// Neutron is asked while Nova answers: a refresh takes as long as the slower
			// of the two.
			CompletableFuture<List<ServerPort>> ports = CompletableFuture
				.supplyAsync(() -> this.source.serverPorts(context), this.executor);
			CompletableFuture<List<FloatingIp>> floatingIps = CompletableFuture
				.supplyAsync(() -> this.source.floatingIps(context), this.executor);
			List<ServerDto> changed = full ? this.source.servers(context)
					: this.source.serversChangedSince(context, since);
			return apply(context, started, writesAtStart, full, changed, Futures.join(ports),
					Futures.join(floatingIps));
		}
		finally {
			this.refreshLock.unlock();
		}
	}

	/** Applies what a refresh read; the caller holds {@link #refreshLock}. */
	private boolean apply(CallContext context, Instant started, long writesAtStart, boolean full,
			List<ServerDto> changed, List<ServerPort> ports, List<FloatingIp> floatingIps) {
		if (full || !NetworkState.unnamed(ports, this.networkNames).isEmpty()) {
			this.networkNames = Map.copyOf(this.source.networkNames(context));
		}
		Map<String, ServerDto> next = Snapshot.merge(full ? Map.of() : this.novaServers, changed);
		if (next.size() > this.properties.maxServers()) {
			throw new TooManyServersException(this.projectId, next.size(), this.properties.maxServers());
		}
		NetworkState network = NetworkState.of(ports, floatingIps, this.networkNames);
		this.novaServers = next;
		this.lastRefresh = started;
		if (full) {
			this.lastResync = started;
		}
		this.publisher.publish(Snapshot.of(next.values().stream().map(network::apply).toList(), started));
		this.writesSeen = writesAtStart;
		return full;
	}

	/**
	 * @param limit the page size, or {@code null} for every server
	 * @param marker the id of the last server of the previous page, or {@code null}
	 * @throws InvalidRequestException when the marker is not a server of the list
	 */
	ViewPage page(ServerFilter filter, Integer limit, String marker) {
		return this.publisher.snapshot().page(filter, limit, marker);
	}

	/**
	 * @return what the lists and the watchers of the view see
	 */
	ViewPublisher publisher() {
		return this.publisher;
	}

}
