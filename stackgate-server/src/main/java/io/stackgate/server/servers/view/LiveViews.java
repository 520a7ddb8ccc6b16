package io.stackgate.server.servers.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.CloudSession;
import io.stackgate.server.concurrent.DaemonThreads;

/**
 * The live server views, one per project that has callers, and the public face of the
 * feature: lists and watches are served from them, and writes through the gateway are
 * announced to them.
 * <p>
 * Isolation: a caller only ever gets the view of the project of its own validated
 * session, and a view is refreshed only with a session of that project: in
 * {@code keystone} mode the token of one of its recent callers, while it is valid for
 * more than {@code stackgate.live.token-margin}; otherwise the gateway's own. A view
 * without a usable session ages until a caller brings one; one unused for
 * {@code stackgate.live.idle-after} is dropped.
 * <p>
 * Threads: one timer thread schedules the refreshes, which run on the shared executor,
 * one at a time per view, their Neutron lists on {@code SideCalls}; watchers hold no
 * thread.
 */
public class LiveViews {

	private static final Logger log = LoggerFactory.getLogger(LiveViews.class);

	private final ProjectSource source;

	private final LiveViewProperties properties;

	private final Executor executor;

	private final Clock clock;

	private final ViewMetrics metrics;

	private final Map<String, ServerView> views = new ConcurrentHashMap<>();

	private final OversizedProjects oversized;

	/** Runs a refresh's Neutron lists while it waits for Nova. */
	private final Executor sideCalls;

	private final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(DaemonThreads.named("live-views-"));

	LiveViews(ProjectSource source, LiveViewProperties properties, Executor executor, Executor sideCalls, Clock clock,
			MeterRegistry registry) {
		this.source = source;
		this.properties = properties;
		this.executor = executor;
		this.sideCalls = sideCalls;
		this.clock = clock;
		this.oversized = new OversizedProjects(clock, properties.resyncInterval());
		this.metrics = new ViewMetrics(registry, this.views::size,
				() -> this.views.values().stream().mapToInt((view) -> view.publisher().watchers()).sum());
		long heartbeat = properties.heartbeatInterval().toMillis();
		this.timer.scheduleAtFixedRate(() -> this.views.values().forEach((view) -> view.publisher().heartbeat()),
				heartbeat, heartbeat, TimeUnit.MILLISECONDS);
	}

	/**
	 * @param limit the page size, or {@code null} for every server
	 * @param marker the id of the last server of the previous page, or {@code null}
	 * @return the page, or empty when this list must go to Nova: views are disabled, the
	 * project has too many servers, or its view is older than
	 * {@code stackgate.live.max-staleness}
	 * @throws CloudException when the view had to be loaded or caught up and OpenStack
	 * failed
	 */
	public Optional<ViewPage> list(CallContext context, ServerFilter filter, Integer limit, String marker) {
		Optional<ServerView> view = viewFor(context);
		if (view.isEmpty()) {
			return Optional.empty();
		}
		if (view.get().hasUnseenWrites()) {
			refreshFor(view.get(), "changes", () -> view.get().catchUp(context));
			if (!this.views.containsKey(context.session().projectId())) {
				return Optional.empty();
			}
		}
		if (view.get().age(this.clock.instant()).compareTo(this.properties.maxStaleness()) > 0) {
			this.metrics.fellBack("stale");
			return Optional.empty();
		}
		this.metrics.served();
		return Optional.of(view.get().page(filter, limit, marker));
	}

	/**
	 * The page of a view too old for {@link #list}, while younger than stale-if-error.
	 */
	public Optional<ViewPage> listStale(CallContext context, ServerFilter filter, Integer limit, String marker) {
		return Optional.ofNullable(this.views.get(context.session().projectId()))
			.filter((view) -> view.isLoaded()
					&& view.age(this.clock.instant()).compareTo(this.properties.staleIfError()) <= 0)
			.map((view) -> view.page(filter, limit, marker));
	}

	/**
	 * Starts a watch of the caller's project.
	 * @param lastEventId the {@code Last-Event-ID} the client resumes after, or
	 * {@code null}
	 * @return the watch, or empty when the project cannot have a view (disabled, or too
	 * many servers)
	 */
	public Optional<Watch> watch(CallContext context, ServerFilter filter, String lastEventId, WatchSink sink) {
		return viewFor(context).map((view) -> view.publisher().subscribe(filter, lastEventId, sink));
	}

	/** A caller wrote to its project through the gateway: its next list sees it. */
	public void wrote(CloudSession session) {
		ServerView view = this.views.get(session.projectId());
		if (view != null) {
			view.wrote();
		}
	}

	/** Stops refreshing and ends every watch stream (see {@link LiveViewsShutdown}). */
	void stop() {
		this.timer.shutdownNow();
		this.views.values().forEach((view) -> view.publisher().retire());
		this.views.clear();
	}

	private Optional<ServerView> viewFor(CallContext context) {
		if (!this.properties.enabled()) {
			this.metrics.fellBack("disabled");
			return Optional.empty();
		}
		if (this.oversized.contains(context.session().projectId())) {
			this.metrics.fellBack("too-many-servers");
			return Optional.empty();
		}
		ServerView view = this.views.computeIfAbsent(context.session().projectId(),
				(id) -> new ServerView(id, this.source, this.properties, this.clock, this.sideCalls));
		view.used(context.session());
		if (!view.isLoaded()) {
			refreshFor(view, "resync", () -> view.load(context));
			if (!view.isLoaded()) {
				return Optional.empty();
			}
		}
		if (view.startPolling()) {
			schedule(view, this.properties.pollInterval());
		}
		return Optional.of(view);
	}

	/** Runs a refresh on the caller's thread; a failure of OpenStack is the caller's. */
	private void refreshFor(ServerView view, String kind, Runnable refresh) {
		Instant started = this.clock.instant();
		try {
			refresh.run();
			this.metrics.refreshed(kind, Duration.between(started, this.clock.instant()));
		}
		catch (TooManyServersException ex) {
			tooLarge(view, ex);
		}
		catch (RuntimeException ex) {
			this.metrics.refreshed("failed", Duration.between(started, this.clock.instant()));
			if (!view.isLoaded()) {
				drop(view);
			}
			throw ex;
		}
	}

	private void schedule(ServerView view, Duration delay) {
		if (this.views.get(view.projectId()) == view && !this.timer.isShutdown()) {
			this.timer.schedule(() -> this.executor.execute(() -> poll(view)), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * One background refresh of a view, then the next one, a poll interval after this one
	 * started (at once when this one took longer); or the view is dropped.
	 */
	private void poll(ServerView view) {
		long started = System.nanoTime();
		Instant now = this.clock.instant();
		if (!view.inUse(now)) {
			log.debug("Dropping the idle server view of project {}", view.projectId());
			drop(view);
			return;
		}
		Optional<CloudSession> session = view.credentials().pick(now);
		if (session.isEmpty()) {
			// The callers' tokens are about to expire: the view waits for a caller with a
			// new one, rather than making that caller load it again.
			log.debug("Not refreshing the server view of project {}: no caller's token to refresh it with",
					view.projectId());
			schedule(view, this.properties.pollInterval());
			return;
		}
		try {
			boolean full = view.refresh(new CallContext(session.get(), "req-" + UUID.randomUUID()));
			this.metrics.refreshed(full ? "resync" : "changes", Duration.between(now, this.clock.instant()));
		}
		catch (TooManyServersException ex) {
			tooLarge(view, ex);
			return;
		}
		catch (CloudException ex) {
			this.metrics.refreshed("failed", Duration.between(now, this.clock.instant()));
			if (ex.kind() == CloudException.Kind.UNAUTHORIZED || ex.kind() == CloudException.Kind.FORBIDDEN) {
				view.credentials().refused(session.get());
			}
			log.warn("Could not refresh the server view of project {}: {}", view.projectId(), ex.getMessage());
		}
		catch (RuntimeException ex) {
			this.metrics.refreshed("failed", Duration.between(now, this.clock.instant()));
			log.error("Could not refresh the server view of project {}", view.projectId(), ex);
		}
		Duration rest = this.properties.pollInterval().minus(Duration.ofNanos(System.nanoTime() - started));
		schedule(view, rest.isNegative() ? Duration.ZERO : rest);
	}

	private void tooLarge(ServerView view, TooManyServersException ex) {
		this.oversized.add(view.projectId(), ex);
		drop(view);
	}

	private void drop(ServerView view) {
		this.views.remove(view.projectId(), view);
		view.publisher().retire();
	}

}
