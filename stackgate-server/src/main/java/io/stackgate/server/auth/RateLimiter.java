package io.stackgate.server.auth;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

import io.stackgate.server.auth.AuthProperties.RateLimit;

/**
 * Per-caller Bucket4j token buckets (see {@link RateLimit}), refilled continuously: one
 * for every request and a smaller one for creates and logins, and one per client address
 * for requests refused for their credentials, so that guessing tokens or keys is as
 * limited as using them. The buckets of callers that were quiet for a while are
 * forgotten; they come back full.
 */
class RateLimiter {

	private static final int MAX_CALLERS = 100_000;

	/**
	 * The bucket of a client's refused requests, apart from its requests once it
	 * authenticated.
	 */
	private static final String REFUSED = "refused:";

	private final RateLimit limit;

	private final TimeMeter clock;

	private final Cache<String, Bucket> requests;

	private final Cache<String, Bucket> creates;

	/**
	 * @param nanoTime the clock the buckets refill by, {@code System::nanoTime} outside
	 * tests
	 */
	RateLimiter(RateLimit limit, LongSupplier nanoTime) {
		this.limit = limit;
		this.clock = new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				return nanoTime.getAsLong();
			}

			@Override
			public boolean isWallClockBased() {
				return false;
			}

		};
		Duration idle = limit.per().multipliedBy(2);
		this.requests = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(MAX_CALLERS).build();
		this.creates = Caffeine.newBuilder().expireAfterAccess(idle).maximumSize(MAX_CALLERS).build();
	}

	/**
	 * Counts a request.
	 * @param caller the caller's bucket key
	 * @param create whether the request creates something (or logs in)
	 * @return zero when the request may go on, otherwise how long the caller should wait
	 */
	Duration take(String caller, boolean create) {
		Bucket all = this.limit.requests() > 0 ? bucket(this.requests, caller, this.limit.requests()) : null;
		Duration wait = (all != null) ? take(all) : Duration.ZERO;
		if (!wait.isZero() || !create || this.limit.creates() == 0) {
			return wait;
		}
		wait = take(bucket(this.creates, caller, this.limit.creates()));
		if (!wait.isZero() && all != null) {
			// Refused by the tighter limit: the request does not count against the other
			// one.
			all.addTokens(1);
		}
		return wait;
	}

	/**
	 * Counts a request that was refused for its credentials: a client that keeps sending
	 * bad ones is stopped before they reach Keystone (see {@link #refusalWait}).
	 * @param client the client's address
	 */
	void refused(String client) {
		if (this.limit.requests() > 0) {
			take(bucket(this.requests, REFUSED + client, this.limit.requests()));
		}
	}

	/**
	 * @param client the client's address
	 * @return zero when the client has not used up its refusals, otherwise how long it
	 * should wait
	 */
	Duration refusalWait(String client) {
		if (this.limit.requests() == 0) {
			return Duration.ZERO;
		}
		EstimationProbe probe = bucket(this.requests, REFUSED + client, this.limit.requests())
			.estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	private static Duration take(Bucket bucket) {
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
	}

	private Bucket bucket(Cache<String, Bucket> buckets, String caller, int capacity) {
		return buckets.get(caller,
				(key) -> Bucket.builder()
					.addLimit((bandwidth) -> bandwidth.capacity(capacity).refillGreedy(capacity, this.limit.per()))
					.withCustomTimePrecision(this.clock)
					.build());
	}

}
