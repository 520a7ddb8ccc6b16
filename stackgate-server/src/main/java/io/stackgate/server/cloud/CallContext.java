package io.stackgate.server.cloud;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who calls the cloud, and for which gateway request.
 *
 * @param session the credentials to call with
 * @param requestId the gateway's request id, passed to OpenStack as the global request id
 * @param budget the request's time with OpenStack: together, its reads get at most the
 * read timeout ({@code stackgate.upstream.read-timeout}) from its first call, so that a
 * request of several calls ends in time too (a write always gets the whole read timeout)
 */
public record CallContext(CloudSession session, String requestId, Budget budget) {

	/**
	 * A request that has not called OpenStack yet.
	 * @param session the credentials to call with
	 * @param requestId the gateway's request id
	 */
	public CallContext(CloudSession session, String requestId) {
		this(session, requestId, new Budget());
	}

	/**
	 * @return the same caller and request with a new time budget, for each poll of a
	 * request that waits for servers to settle (bounded by its own {@code timeout})
	 */
	public CallContext restarted() {
		return new CallContext(this.session, this.requestId, new Budget());
	}

	/** The time a request has spent with OpenStack, from the start of its first call. */
	public static final class Budget {

		private static final long NOT_STARTED = Long.MIN_VALUE;

		private final AtomicLong started = new AtomicLong(NOT_STARTED);

		/**
		 * @return how long ago the request's first call to OpenStack began; zero for that
		 * first call
		 */
		public Duration spent() {
			long now = System.nanoTime();
			this.started.compareAndSet(NOT_STARTED, now);
			return Duration.ofNanos(now - this.started.get());
		}

	}

}
