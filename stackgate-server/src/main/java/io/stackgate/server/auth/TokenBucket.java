package io.stackgate.server.auth;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously at {@code capacity} per
 * {@code period}; each request takes one.
 */
final class TokenBucket {

	private final long capacity;

	private final double tokensPerNano;

	private final LongSupplier nanoTime;

	private double tokens;

	private long refilledAt;

	TokenBucket(long capacity, Duration period, LongSupplier nanoTime) {
		this.capacity = capacity;
		this.tokensPerNano = (double) capacity / period.toNanos();
		this.nanoTime = nanoTime;
		this.tokens = capacity;
		this.refilledAt = nanoTime.getAsLong();
	}

	/**
	 * Takes a token if there is one.
	 * @return zero when a token was taken, otherwise how long until there is one
	 */
	synchronized Duration tryTake() {
		Duration wait = peek();
		if (wait.isZero()) {
			this.tokens -= 1;
		}
		return wait;
	}

	/**
	 * @return zero when there is a token, otherwise how long until there is one; takes nothing
	 */
	synchronized Duration peek() {
		long now = this.nanoTime.getAsLong();
		this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) * this.tokensPerNano);
		this.refilledAt = now;
		if (this.tokens >= 1) {
			return Duration.ZERO;
		}
		return Duration.ofNanos((long) Math.ceil((1 - this.tokens) / this.tokensPerNano));
	}

	/** Gives back a token taken by a request that was refused for another reason. */
	synchronized void giveBack() {
		this.tokens = Math.min(this.capacity, this.tokens + 1);
	}

}
