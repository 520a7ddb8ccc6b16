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
	 * How long a launch may hold its lock before it starts its create: a launch that got
	 * this far only later gives up, creating nothing, so that its create always ends
	 * before the lock is {@linkplain #staleAfter() stale}.
	 */
	Duration HOLD_BEFORE_CREATE = Duration.ofSeconds(5);

	/**
	 * @return how old a lock is when any gateway breaks it: older than any live launch
	 * holds one ({@link #HOLD_BEFORE_CREATE}, then a create that ends by its read
	 * timeout, then a margin for Nova to finish a create that timed out). So a lock left
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
