package io.stackgate.server.servers.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudSession;
import io.stackgate.server.cloud.FloatingIp;
import io.stackgate.server.cloud.ServerPort;
import io.stackgate.server.problem.InvalidRequestException;

/**
 * The live view of one project's servers. A refresh asks Nova for the servers changed since shortly before the
 * previous one ({@code changes-since}, which includes deleted servers; every
 * {@code stackgate.live.resync-interval} it lists them all instead) and lists the project's ports and floating
 * IPs, whose addresses it puts on the servers. It then publishes an immutable snapshot, which lists read without
 * locking, and the differences, which go to the watchers.
 */
final class ServerView {

	/** Nova's default order: newest first, then by id. */
	private static final Comparator<ServerDto> NEWEST_FIRST = Comparator
		.comparing(ServerDto::created, Comparator.nullsFirst(Comparator.reverseOrder()))
		.thenComparing(ServerDto::id, Comparator.reverseOrder());

	private final String projectId;

	private final String epoch = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);

	private final ProjectSource source;

	private final Executor executor;

	private final LiveViewProperties properties;

	private final Clock clock;

	private final Credentials credentials;

	private final ReentrantLock refreshLock = new ReentrantLock();

	/** Guarded by {@link #refreshLock}: the servers as Nova shows them, by id. */
	private Map<String, ServerDto> novaServers = new HashMap<>();

	/** Guarded by {@link #refreshLock}. */
	private Map<String, String> networkNames = Map.of();

	/** Guarded by {@link #refreshLock}: when the last refresh started, {@code null} before the first. */
	private Instant lastRefresh;

	/** Guarded by {@link #refreshLock}. */
	private Instant lastResync;

	private volatile Snapshot snapshot = new Snapshot(List.of(), Map.of(), null);

	private final AtomicBoolean polling = new AtomicBoolean();

	private final AtomicLong writes = new AtomicLong();

	private volatile long writesSeen;

	private volatile Instant lastUsed;

	/** Guarded by {@code this}, like {@link #subscriptions}. */
	private final EventLog log;

	private final List<Subscription> subscriptions = new ArrayList<>();

	ServerView(String projectId, ProjectSource source, LiveViewProperties properties, Clock clock,
			Executor executor) {
		this.projectId = projectId;
		this.source = source;
		this.executor = executor;
		this.properties = properties;
		this.clock = clock;
		this.credentials = new Credentials(properties.tokenMargin());
		this.log = new EventLog(properties.replayEvents());
		this.lastUsed = clock.instant();
	}

	String projectId() {
		return this.projectId;
	}

	Credentials credentials() {
		return this.credentials;
	}

	/** A caller used the view: it stays fresh, and the caller's session may refresh it. */
	void used(CloudSession session) {
		this.lastUsed = this.clock.instant();
		this.credentials.offer(session);
	}

	/** @return {@code true} once: for the caller that starts the view's background refreshes */
	boolean startPolling() {
		return this.polling.compareAndSet(false, true);
	}

	/** A caller changed the project's servers through the gateway: its next list refreshes first. */
	void wrote() {
		this.writes.incrementAndGet();
	}

	/** @return whether a write through the gateway happened after the last refresh started */
	boolean hasUnseenWrites() {
		return this.writes.get() != this.writesSeen;
	}

	/** @return whether the view has been loaded */
	boolean isLoaded() {
		return this.snapshot.asOf() != null;
	}

	/** @return whether someone watches the view or listed it within {@code stackgate.live.idle-after} */
	synchronized boolean inUse(Instant now) {
		return !this.subscriptions.isEmpty() || now.isBefore(this.lastUsed.plus(this.properties.idleAfter()));
	}

	/** @return how old the view is, or {@code null} when it has not been loaded */
	Duration age(Instant now) {
		Instant asOf = this.snapshot.asOf();
		return (asOf != null) ? Duration.between(asOf, now) : null;
	}

	/** Loads the view with the caller's session, unless another caller already did. */
	void load(CallContext context) {
		this.refreshLock.lock();
		try {
			if (!isLoaded()) {
				refresh(context);
			}
		}
		finally {
			this.refreshLock.unlock();
		}
	}

	/**
	 * Refreshes the view for a caller that wrote, unless a refresh that started after the write already ran.
	 */
	void catchUp(CallContext context) {
		long wanted = this.writes.get();
		this.refreshLock.lock();
		try {
			if (this.writesSeen - wanted < 0) {
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
	 * @throws io.stackgate.server.cloud.CloudException when OpenStack failed; the view stays as it was
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
			// Neutron is asked while Nova answers: a refresh takes as long as the slower of the two.
			CompletableFuture<List<ServerPort>> ports = CompletableFuture
				.supplyAsync(() -> this.source.serverPorts(context), this.executor);
			CompletableFuture<List<FloatingIp>> floatingIps = CompletableFuture
				.supplyAsync(() -> this.source.floatingIps(context), this.executor);
			List<ServerDto> changed = full ? this.source.servers(context)
					: this.source.serversChangedSince(context, since);
			return apply(context, started, writesAtStart, full, changed, join(ports), join(floatingIps));
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
		Map<String, ServerDto> next = full ? new HashMap<>() : new HashMap<>(this.novaServers);
		for (ServerDto server : changed) {
			// Deleting is idempotent: a deleted server shows up in every changes-since in the overlap.
			if (server.status() == ServerStatus.DELETED) {
				next.remove(server.id());
			}
			else {
				next.put(server.id(), server);
			}
		}
		if (next.size() > this.properties.maxServers()) {
			throw new TooManyServersException(this.projectId, next.size(), this.properties.maxServers());
		}
		NetworkState network = NetworkState.of(ports, floatingIps, this.networkNames);
		this.novaServers = next;
		this.lastRefresh = started;
		if (full) {
			this.lastResync = started;
		}
		publish(Snapshot.of(next.values().stream().map(network::apply).sorted(NEWEST_FIRST).toList(), started));
		this.writesSeen = writesAtStart;
		return full;
	}

	/** @return the value, or the {@link RuntimeException} the call failed with */
	private static <T> T join(CompletableFuture<T> call) {
		try {
			return call.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/**
	 * @param limit the page size, or {@code null} for every server
	 * @param marker the id of the last server of the previous page, or {@code null}
	 * @throws InvalidRequestException when the marker is not a server of the list
	 */
	ViewPage page(ServerFilter filter, Integer limit, String marker) {
		Snapshot current = this.snapshot;
		List<ServerDto> matching = current.servers().stream().filter(filter::matches).toList();
		int from = 0;
		if (marker != null) {
			int index = indexOf(matching, marker);
			if (index < 0) {
				throw InvalidRequestException.badField("marker", "no server '" + marker + "' in this list");
			}
			from = index + 1;
		}
		int to = (limit == null) ? matching.size() : Math.min(matching.size(), from + limit);
		String next = (to < matching.size() && to > from) ? matching.get(to - 1).id() : null;
		return new ViewPage(matching.subList(from, to), next, current.asOf());
	}

	/**
	 * Starts a watch: the current list, or when {@code lastEventId} is a recent event of this view, the changes
	 * after it; then every change.
	 */
	synchronized Watch subscribe(ServerFilter filter, String lastEventId, WatchSink sink) {
		Subscription subscription = new Subscription(filter, sink);
		Optional<List<ViewEvent>> missed = sequenceOf(lastEventId).flatMap(this.log::after);
		if (missed.isPresent()) {
			missed.get().forEach((event) -> subscription.offer(event, this));
		}
		else {
			subscription.sink.offer(new WatchEvent(eventId(this.log.last()), WatchEvent.Type.LIST,
					this.snapshot.servers().stream().filter(filter::matches).toList()));
		}
		this.subscriptions.add(subscription);
		return () -> unsubscribe(subscription);
	}

	synchronized void heartbeat() {
		this.subscriptions.forEach((subscription) -> subscription.sink.heartbeat());
	}

	/** @return how many watchers the view has */
	synchronized int watchers() {
		return this.subscriptions.size();
	}

	/** Ends every watch: the view is dropped. */
	synchronized void retire() {
		this.subscriptions.forEach((subscription) -> subscription.sink.close());
		this.subscriptions.clear();
	}

	String eventId(long seq) {
		return this.epoch + "-" + seq;
	}

	private synchronized void unsubscribe(Subscription subscription) {
		this.subscriptions.remove(subscription);
	}

	private synchronized void publish(Snapshot next) {
		Snapshot previous = this.snapshot;
		this.snapshot = next;
		if (previous.asOf() == null) {
			return;
		}
		List<ViewEvent> events = new ArrayList<>();
		long seq = this.log.last();
		for (ServerDto server : next.servers()) {
			ServerDto before = previous.byId().get(server.id());
			if (!server.equals(before)) {
				events.add(new ViewEvent(++seq, before, server));
			}
		}
		for (ServerDto server : previous.servers()) {
			if (!next.byId().containsKey(server.id())) {
				events.add(new ViewEvent(++seq, server, null));
			}
		}
		events.forEach(this.log::append);
		this.subscriptions.removeIf((subscription) -> !events.stream().allMatch((event) -> subscription.offer(event, this)));
	}

	private Optional<Long> sequenceOf(String eventId) {
		if (eventId == null || !eventId.startsWith(this.epoch + "-")) {
			return Optional.empty();
		}
		try {
			return Optional.of(Long.parseLong(eventId.substring(this.epoch.length() + 1)));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static int indexOf(List<ServerDto> servers, String id) {
		for (int i = 0; i < servers.size(); i++) {
			if (servers.get(i).id().equals(id)) {
				return i;
			}
		}
		return -1;
	}

	/** The servers at one moment, newest first and by id. */
	private record Snapshot(List<ServerDto> servers, Map<String, ServerDto> byId, Instant asOf) {

		static Snapshot of(List<ServerDto> servers, Instant asOf) {
			Map<String, ServerDto> byId = new HashMap<>();
			servers.forEach((server) -> byId.put(server.id(), server));
			return new Snapshot(servers, byId, asOf);
		}

	}

	/** One watcher and what it sees. */
	private static final class Subscription {

		private final ServerFilter filter;

		private final WatchSink sink;

		Subscription(ServerFilter filter, WatchSink sink) {
			this.filter = filter;
			this.sink = sink;
		}

		/** @return {@code false} when the sink refused the event and was closed */
		boolean offer(ViewEvent event, ServerView view) {
			WatchEvent.Type type = event.typeFor(this.filter);
			if (type == null || this.sink.offer(new WatchEvent(view.eventId(event.seq()), type, List.of(event.latest())))) {
				return true;
			}
			this.sink.close();
			return false;
		}

	}

}
