package io.stackgate.server.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.stackgate.testing.MutableClock;
import io.stackgate.testing.Settings;
import io.stackgate.testing.TestCaller;
import io.stackgate.server.cloud.CallerSession;
import io.stackgate.server.cloud.CallerTokens;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.CloudException.Kind;
import io.stackgate.server.cloud.IssuedToken;
import io.stackgate.server.cloud.OpenStackService;
import io.stackgate.server.cloud.PasswordCredentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TokenValidationsTests {

	private static final Duration TTL = Duration.ofSeconds(60);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));

	private final FakeKeystone keystone = new FakeKeystone();

	private final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	private final TokenValidations validations = new TokenValidations(this.keystone, Settings.bind(AuthProperties.class,
			"stackgate.auth.token-cache-ttl", "60s", "stackgate.auth.token-cache-size", "100"), Runnable::run,
			this.clock, this.meterRegistry);

	@Test
	void aValidTokenIsAskedOnceWithinTheTtl() {
		this.keystone.expiresAt = this.clock.instant().plus(Duration.ofHours(1));
		for (int i = 0; i < 900; i++) {
			this.validations.validate("t-1", "req");
			this.clock.advance(Duration.ofMillis(50));
		}
		assertThat(this.keystone.asked.get()).isEqualTo(1);
		assertThat(this.meterRegistry.get("stackgate.auth.token.validations").tag("outcome", "valid").counter().count())
			.isEqualTo(1);
	}

	@Test
	void concurrentRequestsWithANewTokenShareOneValidation() throws Exception {
		this.keystone.expiresAt = this.clock.instant().plus(Duration.ofHours(1));
		CountDownLatch arrived = new CountDownLatch(16);
		this.keystone.answersOnce = arrived;
		ExecutorService threads = Executors.newFixedThreadPool(16);
		try {
			List<Future<CallerSession>> sessions = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				sessions.add(threads.submit(() -> {
					arrived.countDown();
					return this.validations.validate("t-1", "req");
				}));
			}
			for (Future<CallerSession> session : sessions) {
				assertThat(session.get().projectId()).isEqualTo("p-1");
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.keystone.asked.get()).isEqualTo(1);
	}

	@Test
	void keystoneIsAskedAgainOnceTheTtlHasPassed() {
		this.keystone.expiresAt = this.clock.instant().plus(Duration.ofHours(1));
		this.validations.validate("t-1", "req");
		this.keystone.revoked = true;
		this.clock.advance(TTL.minusSeconds(1));
		this.validations.validate("t-1", "req");

		this.clock.advance(Duration.ofSeconds(1));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.validations.validate("t-1", "req"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAUTHORIZED));
		assertThat(this.keystone.asked.get()).isEqualTo(2);
	}

	@Test
	void aCachedValidationIsNeverUsedPastTheTokensExpiry() {
		this.keystone.expiresAt = this.clock.instant().plus(Duration.ofSeconds(10));
		this.validations.validate("t-1", "req");

		this.clock.advance(Duration.ofSeconds(10));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.validations.validate("t-1", "req"))
			.satisfies((ex) -> assertThat(ex.getMessage()).isEqualTo("The token has expired"));
		assertThat(this.keystone.asked.get()).isEqualTo(1);
	}

	@Test
	void aRefusalIsReusedSoThatARepeatedBadTokenDoesNotReachKeystone() {
		this.keystone.revoked = true;
		for (int i = 0; i < 10; i++) {
			assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.validations.validate("bad", "req"));
		}
		assertThat(this.keystone.asked.get()).isEqualTo(1);
	}

	@Test
	void aKeystoneThatCannotBeReachedRefusesTheRequestAndIsAskedAgainNextTime() {
		this.keystone.down = true;
		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.validations.validate("t-1", "req"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE));

		this.keystone.down = false;
		this.keystone.expiresAt = this.clock.instant().plus(Duration.ofHours(1));

		assertThat(this.validations.validate("t-1", "req").projectId()).isEqualTo("p-1");
		assertThat(this.keystone.asked.get()).isEqualTo(2);
	}

	@Test
	void aValidationIsUsedPastItsTtlWhileKeystoneIsOutUpToTheStaleBound() {
		this.keystone.expiresAt = this.clock.instant().plus(Duration.ofHours(1));
		this.validations.validate("t-1", "req");
		this.keystone.down = true;
		this.clock.advance(TTL.plus(Duration.ofMinutes(4)));
		assertThat(this.validations.validate("t-1", "req").projectId()).isEqualTo("p-1");

		this.clock.advance(Duration.ofMinutes(1));
		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.validations.validate("t-1", "req"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE));
	}

	@Test
	void aStaleValidationIsNeverUsedPastTheTokensExpiry() {
		this.keystone.expiresAt = this.clock.instant().plus(TTL.multipliedBy(2));
		this.validations.validate("t-1", "req");
		this.keystone.down = true;
		this.clock.advance(TTL.multipliedBy(2));
		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.validations.validate("t-1", "req"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAUTHORIZED));
	}

	@Test
	void aValidationUsedNearItsExpiryIsRenewedAheadSoTheNextRequestDoesNotWait() {
		this.keystone.expiresAt = this.clock.instant().plus(Duration.ofHours(1));
		this.validations.validate("t-1", "req");
		this.clock.advance(TTL.multipliedBy(9).dividedBy(10));
		this.validations.validate("t-1", "req");
		assertThat(this.keystone.asked.get()).as("renewed (inline executor in this test)").isEqualTo(2);
		this.clock.advance(TTL.dividedBy(2));
		this.validations.validate("t-1", "req");
		assertThat(this.keystone.asked.get()).as("the renewal is still fresh").isEqualTo(2);
	}

	@Test
	void tokensAreCachedApart() {
		this.keystone.expiresAt = this.clock.instant().plus(Duration.ofHours(1));
		this.validations.validate("t-1", "req");
		this.validations.validate("t-2", "req");
		assertThat(this.keystone.asked.get()).isEqualTo(2);
	}

	@Test
	void aTokenTheGatewayIssuedIsValidWithoutAskingKeystone() {
		this.keystone.expiresAt = this.clock.instant().plus(Duration.ofHours(1));
		IssuedToken issued = this.validations.issue(new PasswordCredentials("u", "pw", "p", "Default"));

		CallerSession session = this.validations.validate(issued.token(), "req");
		assertThat(session.userId()).isEqualTo("u-1");
		assertThat(session.expiresAt()).isEqualTo(this.keystone.expiresAt);
		assertThat(this.keystone.asked.get()).isZero();

		this.clock.advance(TTL);
		this.validations.validate(issued.token(), "req");
		assertThat(this.keystone.asked.get()).as("asked once the TTL has passed, as for any token").isEqualTo(1);
	}

	private static final class FakeKeystone implements CallerTokens {

		final AtomicInteger asked = new AtomicInteger();

		volatile Instant expiresAt;

		volatile boolean revoked;

		volatile boolean down;

		/**
		 * Keystone answers once this opens: slow enough for the requests that arrive
		 * meanwhile.
		 */
		volatile CountDownLatch answersOnce = new CountDownLatch(0);

		@Override
		public CallerSession validate(String token, String requestId) {
			this.asked.incrementAndGet();
			try {
				assertThat(this.answersOnce.await(5, TimeUnit.SECONDS)).as("opened within 5 s").isTrue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (this.down) {
				throw new CloudException(Kind.UNAVAILABLE, OpenStackService.IDENTITY, "Keystone could not be reached",
						null, null, null);
			}
			if (this.revoked) {
				throw new CloudException(Kind.UNAUTHORIZED, OpenStackService.IDENTITY,
						"Keystone does not accept the token", 404, null, null);
			}
			Instant expiry = this.expiresAt;
			return new TestCaller("p-1", "u-1", expiry);
		}

		@Override
		public IssuedToken issue(PasswordCredentials credentials) {
			return new IssuedToken("t-issued", new TestCaller("p-1", "u-1", this.expiresAt));
		}

	}

}
