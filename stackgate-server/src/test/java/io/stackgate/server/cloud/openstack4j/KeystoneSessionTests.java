package io.stackgate.server.cloud.openstack4j;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openstack4j.model.identity.v3.Token;

import io.stackgate.server.cloud.CloudException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KeystoneSessionTests {

	private static final int THREADS = 32;

	@RegisterExtension
	static WireMockExtension keystone = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

	private OpenStackStubs stubs;

	@BeforeEach
	void setUp() {
		this.stubs = new OpenStackStubs(keystone);
	}

	@AfterEach
	void stopThreads() {
		this.threads.shutdownNow();
	}

	@Test
	void concurrentFirstRequestsShareOneAuthentication() throws Exception {
		this.stubs.keystoneIssuesTokens(Duration.ofHours(1));
		KeystoneSession session = this.stubs.session(Duration.ofMinutes(5));

		List<Token> tokens = onManyThreadsAtOnce(session::token);

		assertThat(tokens).allSatisfy((token) -> assertThat(token.getId()).isEqualTo(OpenStackStubs.TOKEN));
		assertThat(this.stubs.authentications()).isEqualTo(1);
	}

	@Test
	void aTokenDueForRenewalIsRenewedByOneThreadWhileTheOthersGoOn() throws Exception {
		Instant start = Instant.now();
		this.stubs.keystoneIssuesTokens(start, start.plus(Duration.ofHours(1)));
		Instant renewalDue = start.plus(Duration.ofMinutes(56));
		KeystoneSession session = this.stubs.session(this.stubs.cloudConfig(), Duration.ofMinutes(5),
				Clock.fixed(renewalDue, ZoneOffset.UTC));
		session.token();
		this.stubs.keystoneIssuesTokens(renewalDue, renewalDue.plus(Duration.ofHours(1)));

		List<Token> tokens = onManyThreadsAtOnce(session::token);

		assertThat(tokens).allSatisfy((token) -> assertThat(token.getExpires().toInstant()).isAfter(renewalDue));
		assertThat(this.stubs.authentications()).isEqualTo(2);
	}

	@Test
	void shortLivedTokensAreRenewedHalfWayThroughTheirLifeNotOnEveryCall() throws Exception {
		this.stubs.keystoneIssuesTokens(Duration.ofMinutes(2));
		KeystoneSession session = this.stubs.session(Duration.ofMinutes(5));
		session.token();

		onManyThreadsAtOnce(session::token);

		assertThat(this.stubs.authentications()).isEqualTo(1);
	}

	@Test
	void aRefusedTokenIsRenewedOnceHoweverManyThreadsSawItRefused() throws Exception {
		this.stubs.keystoneIssuesTokens(Duration.ofHours(1));
		KeystoneSession session = this.stubs.session(Duration.ofMinutes(5));
		Token refused = session.token();

		onManyThreadsAtOnce(() -> session.renew(refused));

		assertThat(this.stubs.authentications()).isEqualTo(2);
	}

	@Test
	void wrongCredentialsAreUnauthorizedAndNoTokenIsHeld() {
		keystone.stubFor(post(urlEqualTo("/identity/v3/auth/tokens")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": \"The request you have made requires authentication.\"}}")));
		KeystoneSession session = this.stubs.session(Duration.ofMinutes(5));

		assertThatExceptionOfType(CloudException.class).isThrownBy(session::token)
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(CloudException.Kind.UNAUTHORIZED))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("demo-password"));
		assertThat(session.holdsValidToken()).isFalse();
	}

	@Test
	void anUnreachableKeystoneIsUnavailable() {
		KeystoneSession session = this.stubs.session(this.stubs.cloudConfig("http://127.0.0.1:1/v3"),
				Duration.ofMinutes(5));

		assertThatExceptionOfType(CloudException.class).isThrownBy(session::token).satisfies((ex) -> {
			assertThat(ex.kind()).isEqualTo(CloudException.Kind.UNAVAILABLE);
			assertThat(ex.getMessage()).isEqualTo("Keystone could not be reached");
		});
	}

	private <T> List<T> onManyThreadsAtOnce(java.util.concurrent.Callable<T> task) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> futures = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			futures.add(this.threads.submit(() -> {
				start.await();
				return task.call();
			}));
		}
		start.countDown();
		List<T> results = new ArrayList<>();
		for (Future<T> future : futures) {
			results.add(future.get());
		}
		return results;
	}

}
