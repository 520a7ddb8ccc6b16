package io.stackgate.server.servers.launch;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.stackgate.api.CreateServerRequest;
import io.stackgate.api.ServerDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.LaunchLocks;
import io.stackgate.server.cloud.ServerQuery;
import io.stackgate.server.problem.LaunchInProgressException;
import io.stackgate.server.problem.UnworkableRequestException;
import io.stackgate.server.servers.ServerService;

/**
 * The idempotency protocol of launches with an {@code Idempotency-Key}. The servers carry
 * the key's digest and the request's digest in their metadata, so Nova itself remembers
 * the launch: a retry finds them and gets them back instead of new ones, even after a
 * gateway restart or through another gateway instance. While it looks and creates, a
 * launch holds the key's {@link LaunchLocks lock}, so that concurrent retries wait for
 * the first instead of creating twice ({@link KeyLocks}: a lock this gateway could not
 * release is taken again by the next launch with the key here; another gateway instance
 * waits until it is stale).
 */
@Component
class IdempotentLaunches {

	static final String KEY_METADATA = LaunchRequestValidator.RESERVED_METADATA_PREFIX + "idempotency-key";

	static final String REQUEST_METADATA = LaunchRequestValidator.RESERVED_METADATA_PREFIX + "request-digest";

	/** How many metadata items a launch with a key adds to each server. */
	static final int TAGS = 2;

	private static final Logger log = LoggerFactory.getLogger(IdempotentLaunches.class);

	/** name-2 before name-10: the servers of one launch differ only in their number. */
	private static final Comparator<ServerDto> CREATION_ORDER = Comparator
		.comparing((ServerDto server) -> server.name().length())
		.thenComparing(ServerDto::name);

	private final KeyLocks locks;

	private final ServerService servers;

	private final ServerCreator creator;

	private final Duration concurrentLaunchWait;

	private final Duration lockPoll;

	/**
	 * How much longer than a lock's staleness a repeat waits for it: a repeat of a launch
	 * whose gateway crashed holding the lock breaks it and answers, rather than giving up
	 * just before.
	 */
	private static final Duration WAIT_PAST_STALENESS = Duration.ofSeconds(15);

	/**
	 * Waits for the lock until it is stale (and a little more) and polls it every half
	 * second.
	 */
	@Autowired
	IdempotentLaunches(LaunchLocks locks, ServerService servers, ServerCreator creator) {
		this(locks, servers, creator, null, Duration.ofMillis(500));
	}

	/**
	 * @param concurrentLaunchWait how long a retry waits for a concurrent launch with the
	 * same key to finish; {@code null} for until its lock is stale, and
	 * {@link #WAIT_PAST_STALENESS} more
	 * @param lockPoll how often it tries the lock meanwhile
	 */
	IdempotentLaunches(LaunchLocks locks, ServerService servers, ServerCreator creator, Duration concurrentLaunchWait,
			Duration lockPoll) {
		this.locks = new KeyLocks(locks);
		this.servers = servers;
		this.creator = creator;
		this.concurrentLaunchWait = concurrentLaunchWait;
		this.lockPoll = lockPoll;
	}

	/**
	 * @param create creates the servers with the given tags in their metadata
	 * @return the servers of an earlier launch with this key, or the ones {@code create}
	 * made
	 * @throws LaunchInProgressException when another launch with the key held its lock
	 * for the whole wait
	 */
	ServerLauncher.Launch launch(CallContext context, CreateServerRequest request, String idempotencyKey,
			BiFunction<Map<String, String>, Runnable, List<ServerDto>> create) {
		Tags tags = new Tags(LaunchFingerprint.ofKey(idempotencyKey), LaunchFingerprint.ofRequest(request));
		String lock = "stackgate-launch-" + tags.key().substring(0, 40);
		Instant giveUp = Instant.now().plus(concurrentLaunchWait());
		// Each round has its own time budget: waiting for a concurrent launch is not
		// Nova failing to answer.
		for (CallContext round = context;; round = context.restarted()) {
			Optional<ServerLauncher.Launch> earlier = findEarlier(round, request, tags, false);
			if (earlier.isPresent()) {
				this.locks.removeLeftBy(round, lock, earlier.get().servers());
				return earlier.get();
			}
			if (this.locks.acquire(round, lock)) {
				Instant acquired = Instant.now();
				CallContext holder = round;
				try {
					return findEarlier(holder, request, tags, true).orElseGet(() -> new ServerLauncher.Launch(
							create.apply(tags.asMetadata(), () -> KeyLocks.startCreateInTime(acquired)), false));
				}
				finally {
					this.locks.release(holder, lock, acquired);
				}
			}
			if (Instant.now().isAfter(giveUp)) {
				throw new LaunchInProgressException();
			}
			pause();
		}
	}

	/**
	 * Looks for the servers of an earlier launch with the same key. Only a complete set
	 * is a replay. Outside the lock, an incomplete set may be a launch in progress; under
	 * it, it is what a failed launch left behind, which is deleted so that this launch
	 * starts afresh.
	 */
	private Optional<ServerLauncher.Launch> findEarlier(CallContext context, CreateServerRequest request, Tags tags,
			boolean holdingLock) {
		// Every server of the project, not a name filter: the key, not the name, says
		// which launch a server
		// belongs to, and another request under the same key may have named its servers
		// differently.
		List<ServerDto> tagged = this.servers.list(context, new ServerQuery(null, null, null, null))
			.servers()
			.stream()
			.filter((server) -> tags.key().equals(server.metadata().get(KEY_METADATA)))
			.sorted(CREATION_ORDER)
			.toList();
		if (tagged.stream().anyMatch((server) -> !tags.request().equals(server.metadata().get(REQUEST_METADATA)))) {
			throw UnworkableRequestException.of("Idempotency-Key",
					"was already used for a different launch request; use a new key");
		}
		int count = ServerCreator.count(request);
		if (tagged.size() == count) {
			return Optional.of(new ServerLauncher.Launch(tagged, true));
		}
		if (holdingLock && !tagged.isEmpty()) {
			log.warn("Found {} of the {} servers of an earlier, failed launch with this key; deleting them",
					tagged.size(), count);
			this.creator.rollBack(context, tagged.stream().map(ServerDto::id).toList());
		}
		return Optional.empty();
	}

	private Duration concurrentLaunchWait() {
		return (this.concurrentLaunchWait != null) ? this.concurrentLaunchWait
				: this.locks.staleAfter().plus(WAIT_PAST_STALENESS);
	}

	private void pause() {
		try {
			Thread.sleep(this.lockPoll.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a concurrent launch", ex);
		}
	}

	/** The metadata that marks the servers of an idempotent launch. */
	private record Tags(String key, String request) {

		Map<String, String> asMetadata() {
			return Map.of(KEY_METADATA, this.key, REQUEST_METADATA, this.request);
		}

	}

}
