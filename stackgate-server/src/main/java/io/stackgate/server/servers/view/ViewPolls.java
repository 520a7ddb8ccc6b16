package io.stackgate.server.servers.view;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.CloudSession;

/**
 * The background refreshes of the views: each one a poll interval after the previous one
 * started (at once when that one took longer), on the shared executor, with the session
 * of one of the view's callers, until the view is idle or no longer its project's.
 */
final class ViewPolls {

	private static final Logger log = LoggerFactory.getLogger(LiveViews.class);

	private final LiveViews views;

	private final LiveViewProperties properties;

	private final Executor executor;

	private final ScheduledExecutorService timer;

	private final Clock clock;

	private final ViewMetrics metrics;

	ViewPolls(LiveViews views, LiveViewProperties properties, Executor executor, ScheduledExecutorService timer,
			Clock clock, ViewMetrics metrics) {
		this.views = views;
		this.properties = properties;
		this.executor = executor;
		this.timer = timer;
		this.clock = clock;
		this.metrics = metrics;
	}

	/** Starts the background refreshes of a view its first caller loaded. */
	void start(ServerView view) {
		schedule(view, this.properties.pollInterval());
	}

	private void schedule(ServerView view, Duration delay) {
		if (this.views.isCurrent(view) && !this.timer.isShutdown()) {
			this.timer.schedule(() -> this.executor.execute(() -> poll(view)), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * One background refresh of a view, then the next one; or the view is dropped.
	 */
	private void poll(ServerView view) {
		long started = System.nanoTime();
		Instant now = this.clock.instant();
		if (!view.inUse(now)) {
			log.debug("Dropping the idle server view of project {}", view.projectId());
			this.views.drop(view);
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
			this.views.tooLarge(view, ex);
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

}
