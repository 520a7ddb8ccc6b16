package io.stackgate.server.auth;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.stackgate.server.auth.AuthProperties.RateLimit;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTests {

	private final AtomicLong nanos = new AtomicLong();

	@Test
	void aFullBucketServesItsCapacityThenSaysHowLongToWait() {
		RateLimiter limiter = new RateLimiter(new RateLimit(10, 0, Duration.ofMinutes(1)), this.nanos::get);
		for (int i = 0; i < 10; i++) {
			assertThat(limiter.take("key:a", false)).isZero();
		}
		assertThat(limiter.take("key:a", false)).isEqualTo(Duration.ofSeconds(6));

		this.nanos.addAndGet(Duration.ofSeconds(6).toNanos());

		assertThat(limiter.take("key:a", false)).isZero();
		assertThat(limiter.take("key:a", false)).isPositive();
	}

	@Test
	void aQuietCallerGetsBackNoMoreThanTheCapacity() {
		RateLimiter limiter = new RateLimiter(new RateLimit(2, 0, Duration.ofSeconds(1)), this.nanos::get);
		assertThat(limiter.take("key:a", false)).isZero();
		this.nanos.addAndGet(Duration.ofMillis(900).toNanos());
		assertThat(limiter.take("key:a", false)).isZero();
		this.nanos.addAndGet(Duration.ofMillis(900).toNanos());
		assertThat(limiter.take("key:a", false)).isZero();
		assertThat(limiter.take("key:a", false)).isZero();
		assertThat(limiter.take("key:a", false)).isPositive();
	}

	@Test
	void refusedCredentialsAreCountedPerClientAndStopItsNextOnes() {
		RateLimiter limiter = new RateLimiter(new RateLimit(2, 0, Duration.ofMinutes(1)), this.nanos::get);
		limiter.refused("10.9.9.9");
		assertThat(limiter.refusalWait("10.9.9.9")).isZero();
		limiter.refused("10.9.9.9");
		assertThat(limiter.refusalWait("10.9.9.9")).isEqualTo(Duration.ofSeconds(30));
		assertThat(limiter.refusalWait("10.9.9.8")).isZero();
		assertThat(limiter.take("key:a", false)).isZero();
	}

	@Test
	void aCreateRefusedByTheTighterLimitDoesNotCountAgainstTheOtherRequests() {
		RateLimiter limiter = new RateLimiter(new RateLimit(2, 1, Duration.ofMinutes(1)), this.nanos::get);
		assertThat(limiter.take("key:a", true)).isZero();
		assertThat(limiter.take("key:a", true)).isPositive();
		assertThat(limiter.take("key:a", false)).isZero();
		assertThat(limiter.take("key:a", false)).isPositive();
		assertThat(limiter.take("key:b", false)).isZero();
	}

	@Test
	void zeroMeansNoLimit() {
		RateLimiter limiter = new RateLimiter(new RateLimit(0, 0, Duration.ofMinutes(1)), this.nanos::get);
		for (int i = 0; i < 10_000; i++) {
			assertThat(limiter.take("key:a", true)).isZero();
		}
	}

}
