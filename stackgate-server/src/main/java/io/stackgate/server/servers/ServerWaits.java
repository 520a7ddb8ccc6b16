package io.stackgate.server.servers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

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
import io.stackgate.server.concurrent.DaemonThreads;

/**
 * Waits for servers to settle or to disappear without holding a thread per waiting
 * client: each wait is a poll every {@code stackgate.launch.poll-interval}, scheduled on
 * one timer thread and run on the shared executor.
 */
@Component
public class ServerWaits implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ServerWaits.class);

	private static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);

	private final ServerService servers;

	private final Executor executor;

	private final Duration pollInterval;

	private final Duration maxWait;

	private final ScheduledExecutorService timer = Executors
		.newSingleThreadScheduledExecutor(DaemonThreads.named("server-waits-"));

	ServerWaits(ServerService servers, Executor applicationTaskExecutor, LaunchProperties properties) {
		this.servers = servers;
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
		return poll(context, initial, timeout, (pollContext, current) -> {
			List<ServerDto> next = new ArrayList<>();
			for (ServerDto server : current) {
				next.add(server.status().isSettled() ? server
						: this.servers.find(pollContext, server.id()).orElseGet(() -> gone(server)));
			}
			return new Progress<>(next, next.stream().allMatch((server) -> server.status().isSettled()));
		});
	}

	/**
	 * @return whether the server was gone before the timeout passed
	 */
	CompletableFuture<Progress<String>> awaitGone(CallContext context, String serverId, Duration timeout) {
		return poll(context, serverId, timeout,
				(pollContext, id) -> new Progress<>(id, this.servers.isGone(pollContext, id)));
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
