package io.stackgate.server.cloud;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who calls the cloud, and for which gateway request.
 *
 * @param session the credentials to call with
 * @param requestId the gateway's request id, passed to OpenStack as the global request id
 * @param budget the request's time with OpenStack: together, its reads get at most the
 * read timeout ({@code stackgate.upstream.read-timeout}) from when the gateway took the
 * request (or, without one, from its first call), so that a request of several calls, its
 * token's validation included, ends in time too (a write always gets the whole read
 * timeout)
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

	/**
	 * The time a request has spent with OpenStack: since the gateway took it, or since
	 * the start of its first call.
	 */
	public static final class Budget {

		private static final long NOT_STARTED = Long.MIN_VALUE;

		private final AtomicLong started;

		/** A budget that starts with the first call. */
		public Budget() {
			this(NOT_STARTED);
		}

		private Budget(long startedNanos) {
			this.started = new AtomicLong(startedNanos);
		}

		/**
		 * @return a budget that started now: for a gateway request as it arrives, so that
		 * what it waits for before its first call (its token's validation) counts
		 */
		public static Budget startingNow() {
			return new Budget(System.nanoTime());
		}

		/**
		 * @return how long ago the budget started; zero for the first call of one that
		 * starts with it
		 */
		public Duration spent() {
			long now = System.nanoTime();
			this.started.compareAndSet(NOT_STARTED, now);
			return Duration.ofNanos(now - this.started.get());
		}

	}

}
