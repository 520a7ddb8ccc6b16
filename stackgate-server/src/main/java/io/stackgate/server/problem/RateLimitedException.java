package io.stackgate.server.problem;

/**
 * The caller used up its rate limit.
 */
public class RateLimitedException extends RuntimeException {

	private final long retryAfterSeconds;

	/**
	 * @param retryAfterSeconds in how many whole seconds the caller may try again, at
	 * least 1
	 */
	public RateLimitedException(long retryAfterSeconds) {
		super("Rate limit reached; retry in " + retryAfterSeconds + " s");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/**
	 * @return in how many seconds the caller may try again
	 */
	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
