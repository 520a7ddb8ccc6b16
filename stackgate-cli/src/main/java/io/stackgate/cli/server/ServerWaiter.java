package io.stackgate.cli.server;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.cli.client.GatewayClient;
import io.stackgate.cli.client.GatewayUnreachableException;
import io.stackgate.cli.client.ProblemException;
import io.stackgate.cli.command.CliContext;
import io.stackgate.cli.command.CliException;
import io.stackgate.cli.command.ExitCode;

/**
 * Polls {@code GET /api/v1/servers/{id}} every {@link CliContext#pollInterval()} until
 * servers are settled (create) or gone (delete), reporting each status change. A failed
 * poll (gateway or OpenStack down for a moment) is reported and retried; any other error
 * ends the wait.
 */
final class ServerWaiter {

	/** What status name a deleted server is reported with. */
	static final String GONE = "deleted";

	private static final Duration TICK = Duration.ofMillis(500);

	private final GatewayClient gateway;

	private final CliContext context;

	ServerWaiter(GatewayClient gateway, CliContext context) {
		this.gateway = gateway;
		this.context = context;
	}

	/**
	 * Waits until every server is ACTIVE, ERROR, SHUTOFF or DELETED.
	 * @param servers the servers as created
	 * @param timeout how long to wait at most
	 * @return their last known state, and whether the wait timed out
	 */
	Outcome untilSettled(List<ServerDto> servers, Duration timeout) {
		return waitFor(servers, timeout, false, "ACTIVE");
	}

	/**
	 * Waits until every server is gone (the gateway answers 404).
	 * @param servers the servers being deleted
	 * @param timeout how long to wait at most
	 * @throws CliException with {@link ExitCode#TIMEOUT} when some are still there
	 */
	void untilDeleted(List<ServerDto> servers, Duration timeout) {
		Outcome outcome = waitFor(servers, timeout, true, GONE);
		if (outcome.timeout() != null) {
			throw outcome.timeout();
		}
	}

	private Outcome waitFor(List<ServerDto> servers, Duration timeout, boolean deleting, String goal) {
		Progress progress = new Progress(this.context.err(), this.context.terminal(), goal);
		Thread clearOnExit = progress.clearOnExit();
		Instant start = this.context.clock().instant();
		Instant deadline = start.plus(timeout);
		Map<String, ServerDto> latest = new LinkedHashMap<>();
		Map<String, String> pending = new LinkedHashMap<>();
		for (ServerDto server : servers) {
			latest.put(server.id(), server);
			String status = Objects.toString(ServerColumns.status(server), ServerStatus.UNKNOWN.name());
			pending.put(server.id(), status);
			progress.changed(Progress.label(server.name(), server.id()), null, status, Duration.ZERO);
		}
		try {
			while (true) {
				sleepUntilNextPoll(progress, latest, pending, start);
				for (String id : new ArrayList<>(pending.keySet())) {
					poll(id, deleting, latest, pending, progress, elapsed(start));
				}
				if (pending.isEmpty()) {
					return new Outcome(new ArrayList<>(latest.values()), null);
				}
				if (!this.context.clock().instant().isBefore(deadline)) {
					return new Outcome(new ArrayList<>(latest.values()),
							new CliException(ExitCode.TIMEOUT, "Gave up waiting after " + timeout.toSeconds() + " s: "
									+ Progress.join(labels(latest, pending)) + ", not " + goal + " yet."));
				}
			}
		}
		finally {
			progress.finish();
			if (progress.terminal()) {
				Runtime.getRuntime().removeShutdownHook(clearOnExit);
			}
		}
	}

	private void poll(String id, boolean deleting, Map<String, ServerDto> latest, Map<String, String> pending,
			Progress progress, Duration elapsed) {
		ServerDto before = latest.get(id);
		String label = Progress.label(before.name(), id);
		String status;
		try {
			ServerDto now = this.gateway.getServer(id);
			latest.put(id, now);
			status = Objects.toString(ServerColumns.status(now), ServerStatus.UNKNOWN.name());
		}
		catch (ProblemException | GatewayUnreachableException ex) {
			if (!(ex instanceof ProblemException problem) || problem.kind() == ProblemException.Kind.UPSTREAM) {
				// The gateway or OpenStack down for a moment: the next poll tries again.
				progress.note(label + ": cannot poll right now (" + ex.getMessage() + "); retrying");
				return;
			}
			if (problem.kind() != ProblemException.Kind.NOT_FOUND) {
				throw problem;
			}
			if (!deleting) {
				throw new CliException(ExitCode.NOT_FOUND, "Server " + label + " disappeared while waiting for it.");
			}
			status = GONE;
		}
		if (deleting && ServerStatus.DELETED.name().equals(status)) {
			// Newer Novas show a deleted server as DELETED for a moment before it is
			// gone: the same end.
			status = GONE;
		}
		String previous = pending.get(id);
		if (!status.equals(previous)) {
			progress.changed(label, previous, status, elapsed);
		}
		boolean done = deleting ? GONE.equals(status)
				: latest.get(id).status() != null && latest.get(id).status().isSettled();
		if (done) {
			pending.remove(id);
		}
		else {
			pending.put(id, status);
		}
	}

	private void sleepUntilNextPoll(Progress progress, Map<String, ServerDto> latest, Map<String, String> pending,
			Instant start) {
		Instant nextPoll = this.context.clock().instant().plus(this.context.pollInterval());
		Duration tick = progress.terminal() ? TICK : this.context.pollInterval();
		while (true) {
			Instant now = this.context.clock().instant();
			if (!now.isBefore(nextPoll)) {
				return;
			}
			Duration remaining = Duration.between(now, nextPoll);
			try {
				this.context.sleeper().sleep((remaining.compareTo(tick) < 0) ? remaining : tick);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new CliException(ExitCode.FAILED, "Interrupted while waiting.");
			}
			Map<String, String> statuses = new LinkedHashMap<>();
			pending.forEach((id, status) -> statuses.put(Progress.label(latest.get(id).name(), id), status));
			progress.tick(statuses, elapsed(start));
		}
	}

	private Duration elapsed(Instant start) {
		return Duration.between(start, this.context.clock().instant());
	}

	private static List<String> labels(Map<String, ServerDto> latest, Map<String, String> pending) {
		List<String> labels = new ArrayList<>();
		pending.forEach((id, status) -> labels.add(Progress.label(latest.get(id).name(), id) + " is " + status));
		return labels;
	}

	/**
	 * How a wait ended.
	 *
	 * @param servers the last known state of every server
	 * @param timeout the exception to throw when the wait timed out, else {@code null}
	 */
	record Outcome(List<ServerDto> servers, CliException timeout) {
	}

}
