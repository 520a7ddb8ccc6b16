package io.stackgate.server.cloud.openstack4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openstack4j.core.transport.Config;

import org.springframework.core.io.ClassPathResource;

import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.cloudconfig.DomainRef;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A fake OpenStack on WireMock: a Keystone that issues tokens whose catalog points back
 * at the stub, and the adapter objects wired to it.
 */
final class OpenStackStubs {

	static final String TOKEN = "gAAAAAB-service-token";

	static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

	private final WireMockExtension wiremock;

	final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();

	OpenStackStubs(WireMockExtension wiremock) {
		this.wiremock = wiremock;
	}

	String baseUrl() {
		return this.wiremock.baseUrl();
	}

	CloudConfig cloudConfig() {
		return cloudConfig(baseUrl() + "/identity/v3");
	}

	CloudConfig cloudConfig(String authUrl) {
		return new CloudConfig("test cloud", authUrl, "demo", "demo-password", DomainRef.DEFAULT, "demo", null,
				DomainRef.DEFAULT, "RegionOne", "public", null, true);
	}

	OpenStackClients clients() {
		Config config = Config.newConfig().withConnectionTimeout(2000).withReadTimeout((int) READ_TIMEOUT.toMillis());
		return new OpenStackClients(cloudConfig(), config);
	}

	UpstreamCalls calls() {
		return calls(UpstreamBulkheads.defaults());
	}

	UpstreamCalls calls(UpstreamBulkheads bulkheads) {
		return new UpstreamCalls(clients(), bulkheads);
	}

	KeystoneSession session(Duration refreshMargin) {
		return session(cloudConfig(), refreshMargin);
	}

	KeystoneSession session(CloudConfig cloud, Duration refreshMargin) {
		return session(cloud, refreshMargin, Clock.systemUTC());
	}

	KeystoneSession session(CloudConfig cloud, Duration refreshMargin, Clock clock) {
		return new KeystoneSession(new KeystoneLogin(cloud, clients()), calls(), refreshMargin, clock,
				this.meterRegistry);
	}

	/** Keystone issues tokens valid from now for the given time. */
	void keystoneIssuesTokens(Duration validFor) {
		Instant now = Instant.now();
		keystoneIssuesTokens(now, now.plus(validFor));
	}

	/** Keystone issues tokens with these times. */
	void keystoneIssuesTokens(Instant issuedAt, Instant expiresAt) {
		this.wiremock.stubFor(post(urlEqualTo("/identity/v3/auth/tokens")).willReturn(aResponse().withStatus(201)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Subject-Token", TOKEN)
			.withBody(resource("keystone-token.json").replace("{{baseUrl}}", baseUrl())
				.replace("{{issuedAt}}", issuedAt.toString())
				.replace("{{expiresAt}}", expiresAt.toString()))));
	}

	/** Keystone validates this token, which expires at the given time. */
	void keystoneValidates(String token, Instant expiresAt) {
		keystoneValidates(token, expiresAt, Duration.ZERO);
	}

	void keystoneValidates(String token, Instant expiresAt, Duration delay) {
		this.wiremock.stubFor(get(urlEqualTo("/identity/v3/auth/tokens")).withHeader("X-Subject-Token", equalTo(token))
			.willReturn(aResponse().withStatus(200)
				.withFixedDelay((int) delay.toMillis())
				.withHeader("Content-Type", "application/json")
				.withHeader("X-Subject-Token", token)
				.withBody(resource("keystone-token.json").replace("{{baseUrl}}", baseUrl())
					.replace("{{issuedAt}}", Instant.now().toString())
					.replace("{{expiresAt}}", expiresAt.toString()))));
	}

	double authentications() {
		return this.meterRegistry.get("stackgate.keystone.authentications").counter().count();
	}

	static String resource(String name) {
		try {
			return new ClassPathResource("openstack/" + name).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
