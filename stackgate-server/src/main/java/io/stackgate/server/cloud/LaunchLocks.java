package io.stackgate.server.cloud;

/**
 * Named locks kept in the cloud itself, so that they hold across gateway restarts and
 * across several gateway instances: a launch with an {@code Idempotency-Key} holds the
 * key's lock while it looks for an earlier launch and creates. Locks are per OpenStack
 * user.
 */
public interface LaunchLocks {

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
