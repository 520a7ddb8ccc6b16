package io.stackgate.server.cloud;

import java.time.Duration;

/**
 * Named locks kept in the cloud itself, so that they hold across gateway restarts and
 * across several gateway instances: a launch with an {@code Idempotency-Key} holds the
 * key's lock while it looks for an earlier launch and creates. Locks are per OpenStack
 * user.
 */
public interface LaunchLocks {

	/**
	 * A lock older than this was left by a gateway that stopped, or could not release it,
	 * and any gateway breaks it. Far longer than a launch holds its lock: the seconds of
	 * a lookup and a few creates.
	 */
	Duration STALE_AFTER = Duration.ofMinutes(5);

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

}
