package io.stackgate.server.problem;

/**
 * Another launch with the same {@code Idempotency-Key} still holds the key's lock after
 * the gateway waited for it. The gateway gave up waiting; OpenStack did not refuse
 * anything.
 */
public class LaunchInProgressException extends RuntimeException {

	public LaunchInProgressException() {
		super("Another launch with this Idempotency-Key is still in progress");
	}

}
