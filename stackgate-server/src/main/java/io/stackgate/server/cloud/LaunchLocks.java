package io.stackgate.server.cloud;

import java.time.Duration;
import java.time.Instant;

/**
 * Named locks kept in the cloud itself, so that they hold across gateway restarts and
 * across several gateway instances: a launch with an {@code Idempotency-Key} holds the
 * key's lock while it looks for an earlier launch and creates. Locks are per OpenStack
 * user.
 */
public interface LaunchLocks {

	/**
	 * How long after taking its lock a launch may start a create: one that would start
	 * later is not made, and the launch fails (its servers rolled back), so that every
	 * create ends before the lock is {@linkplain #staleAfter() stale}.
	 */
	Duration CREATE_WINDOW = Duration.ofSeconds(20);

	/**
	 * @return how old a lock is when any gateway breaks it: older than any live launch
	 * holds one ({@link #CREATE_WINDOW}, then a create that ends by its read timeout,
	 * then a margin for Nova to finish a create whose answer timed out). So a lock left
	 * by a gateway that crashed, or could not release it, holds up a repeat of its launch
	 * for that long at most.
	 */
	Duration staleAfter();

	/**
	 * @param name the lock's name
	 * @return {@code true} when the caller now holds the lock, {@code false} when someone
	 * else holds it
	 */
	boolean tryAcquire(CallContext context, String name);

	/**
	 * Releases a lock the caller holds; releasing a lock nobody holds does nothing.
	 */
	void release(CallContext context, String name);

	/**
	 * Releases the lock if it was taken no later than {@code launched}: the lock of a
	 * launch that completed then, left by a gateway that stopped before releasing it. A
	 * lock taken later is a later launch's, and stays.
	 */
	void releaseIfTakenBy(CallContext context, String name, Instant launched);

}
