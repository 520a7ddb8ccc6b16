package io.stackgate.server.servers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CallerSession;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.problem.InvalidRequestException;
import io.stackgate.server.problem.UnauthenticatedException;
import io.stackgate.server.servers.view.LiveViews;
import io.stackgate.server.servers.view.WriteMark;
import io.stackgate.server.concurrent.DaemonThreads;

/**
 * Waits for servers to settle or to disappear without holding a thread per waiting
 * client: each wait is a poll every {@code stackgate.launch.poll-interval}, scheduled on
 * one timer thread and run on the shared executor.
 * <p>
 * A poll reads the servers from the project's live view whenever it can answer for them
 * ({@link LiveViews#lookUp}): the project has a loaded view, younger than
 * {@code stackgate.live.max-staleness}, refreshed by a refresh that started after the
 * wait began, so after the launch or delete it follows. Such a poll costs OpenStack
 * nothing, and keeps the view in use. Otherwise (views disabled, too many servers, no
 * view, a stale view, or one that has not seen the write yet) it asks Nova for each
 * server, as before the view existed. A server the view does not have is gone for a
 * delete; for a launch, Nova is asked for it, so that a server the view has not shown yet
 * is not reported {@code DELETED}.
 */
@Component
public class ServerWaits implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ServerWaits.class);

	private static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);

	private final ServerService servers;

	private final LiveViews views;

	private final Executor executor;

	private final Duration pollInterval;

	private final Duration maxWait;

	private final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(DaemonThreads.named("server-waits-"));

	ServerWaits(ServerService servers, LiveViews views, Executor applicationTaskExecutor, LaunchProperties properties) {
		this.servers = servers;
		this.views = views;
		this.executor = applicationTaskExecutor;
		this.pollInterval = properties.pollInterval();
		this.maxWait = properties.maxWait();
	}

	/**
	 * @param seconds the {@code timeout} a client asked for, or {@code null}
	 * @return how long to wait: as asked, or five minutes (at most
	 * {@code stackgate.launch.max-wait}) when not
	 * @throws InvalidRequestException when the client asked for longer than
	 * {@code stackgate.launch.max-wait}
	 */
	public Duration timeout(Integer seconds) {
		if (seconds == null) {
			return DEFAULT_WAIT.compareTo(this.maxWait) < 0 ? DEFAULT_WAIT : this.maxWait;
		}
		Duration requested = Duration.ofSeconds(seconds);
		if (requested.compareTo(this.maxWait) > 0) {
			throw InvalidRequestException.badField("timeout",
					"must be at most " + this.maxWait.toSeconds() + " seconds");
		}
		return requested;
	}

	/**
	 * @param initial the servers as they are now
	 * @return the servers once each is settled ({@link ServerStatus#isSettled()}) or
	 * gone, or as they are when the timeout passes
	 */
	public CompletableFuture<Progress<List<ServerDto>>> awaitSettled(CallContext context, List<ServerDto> initial,
			Duration timeout) {
		WriteMark mark = this.views.mark(context.session());
		return poll(context, initial, timeout, (pollContext, current) -> {
			List<String> unsettled = current.stream()
				.filter((server) -> !server.status().isSettled())
				.map(ServerDto::id)
				.toList();
			Map<String, ServerDto> viewed = this.views.lookUp(pollContext, mark, unsettled)
				.map((found) -> fill(pollContext, found))
				.orElse(Map.of());
			List<ServerDto> next = new ArrayList<>();
			for (ServerDto server : current) {
				next.add(server.status().isSettled() ? server
						: Optional.ofNullable(viewed.get(server.id()))
							.or(() -> this.servers.find(pollContext, server.id()))
							.orElseGet(() -> gone(server)));
			}
			return new Progress<>(next, next.stream().allMatch((server) -> server.status().isSettled()));
		});
	}

	/**
	 * @return whether the server was gone before the timeout passed
	 */
	CompletableFuture<Progress<String>> awaitGone(CallContext context, String serverId, Duration timeout) {
		WriteMark mark = this.views.mark(context.session());
		return poll(context, serverId, timeout,
				(pollContext, id) -> new Progress<>(id,
						this.views.lookUp(pollContext, mark, List.of(id))
							.map((viewed) -> !viewed.containsKey(id))
							.orElseGet(() -> this.servers.isGone(pollContext, id))));
	}

	/**
	 * Fills in flavor and image names, as {@link ServerService} does for Nova's servers.
	 */
	private Map<String, ServerDto> fill(CallContext context, Map<String, ServerDto> viewed) {
		if (viewed.isEmpty()) {
			return viewed;
		}
		UnaryOperator<ServerDto> namer = this.servers.namer(context);
		Map<String, ServerDto> named = new HashMap<>();
		viewed.forEach((id, server) -> named.put(id, namer.apply(server)));
		return named;
	}

	/**
	 * How far a wait got.
	 *
	 * @param value what is being waited for, as it is now
	 * @param done whether the wait is over
	 */
	public record Progress<T>(T value, boolean done) {
	}

	/**
	 * Each poll is a new round of calls to OpenStack, with its own time budget
	 * ({@link CallContext#restarted()}).
	 */
	private <T> CompletableFuture<Progress<T>> poll(CallContext context, T initial, Duration timeout,
			BiFunction<CallContext, T, Progress<T>> step) {
		CompletableFuture<Progress<T>> result = new CompletableFuture<>();
		schedule(new Poll<>(context, Instant.now().plus(timeout), step, result), initial);
		return result;
	}

	private <T> void schedule(Poll<T> poll, T current) {
		this.timer.schedule(() -> this.executor.execute(() -> run(poll, current)), this.pollInterval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private <T> void run(Poll<T> poll, T current) {
		Progress<T> progress;
		try {
			refuseExpiredToken(poll.context());
			progress = poll.step().apply(poll.context().restarted(), current);
		}
		catch (CloudException ex) {
			if (!isPassing(ex)) {
				poll.result()
					.completeExceptionally(ex.kind() == CloudException.Kind.UNAUTHORIZED
							? stoppedWaiting("OpenStack refused your token") : ex);
				return;
			}
			log.warn("Polling OpenStack for a waiting client failed, polling again: {}", ex.getMessage());
			progress = new Progress<>(current, false);
		}
		catch (RuntimeException ex) {
			poll.result().completeExceptionally(ex);
			return;
		}
		if (progress.done() || Instant.now().isAfter(poll.deadline())) {
			poll.result().complete(progress);
		}
		else {
			schedule(poll, progress.value());
		}
	}

	/**
	 * A caller's token cannot be renewed by the gateway: once it expired, every poll
	 * would be refused until the deadline.
	 */
	private static void refuseExpiredToken(CallContext context) {
		if (context.session() instanceof CallerSession caller && !Instant.now().isBefore(caller.expiresAt())) {
			throw stoppedWaiting("Your token expired at " + caller.expiresAt());
		}
	}

	private static UnauthenticatedException stoppedWaiting(String reason) {
		return new UnauthenticatedException(reason + " while the gateway waited for the servers; OpenStack had "
				+ "accepted the launch or delete: follow it with a new token (GET /api/v1/servers/{id})", null);
	}

	/** Failures that the next poll may not see: the service is down, slow or failing. */
	private static boolean isPassing(CloudException ex) {
		return switch (ex.kind()) {
			case UNAVAILABLE, TIMEOUT, UPSTREAM_ERROR -> true;
			default -> false;
		};
	}

	private static ServerDto gone(ServerDto server) {
		return server.withStatus(ServerStatus.DELETED).withAddresses(List.of());
	}

	@Override
	public void destroy() {
		this.timer.shutdownNow();
	}

	private record Poll<T>(CallContext context, Instant deadline, BiFunction<CallContext, T, Progress<T>> step,
			CompletableFuture<Progress<T>> result) {
	}

}
