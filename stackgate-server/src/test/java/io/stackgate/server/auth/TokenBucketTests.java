package io.stackgate.server.auth;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.stackgate.server.config.StackgateProperties.Auth.RateLimit;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTests {

	private final AtomicLong nanos = new AtomicLong();

	@Test
	void aFullBucketServesItsCapacityThenSaysHowLongToWait() {
		TokenBucket bucket = new TokenBucket(10, Duration.ofMinutes(1), this.nanos::get);
		for (int i = 0; i < 10; i++) {
			assertThat(bucket.tryTake()).isZero();
		}
		assertThat(bucket.tryTake()).isEqualTo(Duration.ofSeconds(6));

		this.nanos.addAndGet(Duration.ofSeconds(6).toNanos());

		assertThat(bucket.tryTake()).isZero();
		assertThat(bucket.tryTake()).isPositive();
	}

	@Test
	void aQuietCallerGetsBackNoMoreThanTheCapacity() {
		TokenBucket bucket = new TokenBucket(2, Duration.ofSeconds(1), this.nanos::get);
		this.nanos.addAndGet(Duration.ofHours(1).toNanos());
		assertThat(bucket.tryTake()).isZero();
		assertThat(bucket.tryTake()).isZero();
		assertThat(bucket.tryTake()).isPositive();
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
