package io.stackgate.server.auth;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.stackgate.server.config.StackgateProperties.Auth.RateLimit;

/**
 * Per-caller token buckets (see {@link RateLimit}): one for every request and a smaller one for creates and
 * logins, and one per client address for requests refused for their credentials, so that guessing tokens or keys
 * is as limited as using them. The buckets of callers that were quiet for a while are forgotten; they come back
 * full.
 */
class RateLimiter {

	private static final int MAX_CALLERS = 100_000;

	/** The bucket of a client's refused requests, apart from its requests once it authenticated. */
	private static final String REFUSED = "refused:";

	private final RateLimit limit;

	private final LongSupplier nanoTime;

	private final Cache<String, TokenBucket> requests;

	private final Cache<String, TokenBucket> creates;

	RateLimiter(RateLimit limit, LongSupplier nanoTime) {
		this.limit = limit;
		this.nanoTime = nanoTime;
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
		TokenBucket all = this.limit.requests() > 0 ? bucket(this.requests, caller, this.limit.requests()) : null;
		Duration wait = (all != null) ? all.tryTake() : Duration.ZERO;
		if (!wait.isZero() || !create || this.limit.creates() == 0) {
			return wait;
		}
		wait = bucket(this.creates, caller, this.limit.creates()).tryTake();
		if (!wait.isZero() && all != null) {
			all.giveBack();
		}
		return wait;
	}

	/**
	 * Counts a request that was refused for its credentials: a client that keeps sending bad ones is stopped
	 * before they reach Keystone (see {@link #refusalWait}).
	 * @param client the client's address
	 */
	void refused(String client) {
		if (this.limit.requests() > 0) {
			bucket(this.requests, REFUSED + client, this.limit.requests()).tryTake();
		}
	}

	/**
	 * @param client the client's address
	 * @return zero when the client has not used up its refusals, otherwise how long it should wait
	 */
	Duration refusalWait(String client) {
		if (this.limit.requests() == 0) {
			return Duration.ZERO;
		}
		return bucket(this.requests, REFUSED + client, this.limit.requests()).peek();
	}

	private TokenBucket bucket(Cache<String, TokenBucket> buckets, String caller, int capacity) {
		return buckets.get(caller, (key) -> new TokenBucket(capacity, this.limit.per(), this.nanoTime));
	}

}
