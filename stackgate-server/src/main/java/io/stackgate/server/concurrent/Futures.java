package io.stackgate.server.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Waits for futures the way a controller needs: failures come out as the exception that
 * caused them, so that the problem handler sees a
 * {@link io.stackgate.server.cloud.CloudException}, not a wrapper.
 */
public final class Futures {

	private Futures() {
	}

	/**
	 * @param future the future to wait for
	 * @return its value
	 */
	public static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

}
