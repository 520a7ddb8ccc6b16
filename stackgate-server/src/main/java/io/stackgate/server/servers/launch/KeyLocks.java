package io.stackgate.server.servers.launch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.stackgate.api.ServerDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.LaunchLocks;
import io.stackgate.server.cloud.OpenStackService;

/**
 * The locks of {@code Idempotency-Key}s ({@link LaunchLocks}) as a launch uses them:
 * taken, taken again when this gateway could not release one, no create started past
 * {@link LaunchLocks#CREATE_WINDOW}, released, and removed by a replay that finds what
 * their launch made.
 */
final class KeyLocks {

	private static final Logger log = LoggerFactory.getLogger(KeyLocks.class);

	private final LaunchLocks locks;

	/**
	 * Locks of launches that ended here but could not release them, as project id and
	 * lock name, with when they were taken. The next launch with the key here releases
	 * and takes the lock again while no other gateway may have broken it yet (half its
	 * staleness).
	 */
	private final Cache<String, Instant> unreleased = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(10))
		.maximumSize(10_000)
		.build();

	KeyLocks(LaunchLocks locks) {
		this.locks = locks;
	}

	/**
	 * @return how old a lock is when any gateway breaks it
	 */
	Duration staleAfter() {
		return this.locks.staleAfter();
	}

	/**
	 * Takes the lock; one this gateway could not release is released and taken again
	 * first, while no other gateway may have broken it.
	 * @return whether the caller now holds it
	 */
	boolean acquire(CallContext context, String lock) {
		Instant taken = this.unreleased.asMap().remove(unreleasedKey(context, lock));
		if (taken != null && Instant.now().isBefore(taken.plus(this.locks.staleAfter().dividedBy(2)))) {
			this.locks.release(context, lock);
		}
		return this.locks.tryAcquire(context, lock);
	}

	/**
	 * A create the launch would start too long after taking its lock is not made: it
	 * could still run when another gateway breaks the lock.
	 */
	static void startCreateInTime(Instant acquired) {
		if (Instant.now().isAfter(acquired.plus(LaunchLocks.CREATE_WINDOW))) {
			throw new CloudException(CloudException.Kind.TIMEOUT, OpenStackService.COMPUTE,
					"Nova was too slow: the launch could not be made while it held its Idempotency-Key's lock; "
							+ "repeat the request with the same key",
					null, null, null);
		}
	}

	/**
	 * A lock that cannot be released does not undo the launch: the next launch with the
	 * key here takes it again, and any other gateway breaks it once it is stale.
	 */
	void release(CallContext context, String lock, Instant acquired) {
		try {
			this.locks.release(context, lock);
		}
		catch (CloudException ex) {
			this.unreleased.put(unreleasedKey(context, lock), acquired);
			log.warn("Could not release launch lock {}: {}", lock, ex.getMessage());
		}
	}

	/**
	 * A replay removes the lock its launch left if its gateway stopped before releasing
	 * it; a failure to do so does not spoil the replay.
	 * @param launched the servers of the launch
	 */
	void removeLeftBy(CallContext context, String lock, List<ServerDto> launched) {
		launched.stream().map(ServerDto::created).filter(Objects::nonNull).max(Instant::compareTo).ifPresent((at) -> {
			try {
				this.locks.releaseIfTakenBy(context, lock, at);
			}
			catch (CloudException ex) {
				log.warn("Could not remove launch lock {}: {}", lock, ex.getMessage());
			}
		});
	}

	private static String unreleasedKey(CallContext context, String lock) {
		return context.session().projectId() + " " + lock;
	}

}
