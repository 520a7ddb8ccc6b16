package io.stackgate.server.cloud.openstack4j;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openstack4j.core.transport.Config;

import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.CloudException.Kind;
import io.stackgate.server.cloud.ServerSpec;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Nova failures that openstack4j hides or mislabels, and how the adapter still reports them. */
class NovaFailureEdgeCasesTests {

	private static final String SERVERS = "/compute/v2.1/servers";

	private static final ServerSpec SPEC = new ServerSpec("web-1", "f-small", "i-cirros", List.of("n-private"), null,
			List.of(), null, null, Map.of());

	@RegisterExtension
	static WireMockExtension openstack = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	private OpenStackStubs stubs;

	private CallContext context;

	private Openstack4jCloudClient client;

	@BeforeEach
	void setUp() {
		this.stubs = new OpenStackStubs(openstack);
		this.stubs.keystoneIssuesTokens(Duration.ofHours(1));
		OpenStackClients clients = new OpenStackClients(this.stubs.cloudConfig(),
				Config.newConfig().withConnectionTimeout(5000).withReadTimeout(20_000));
		KeystoneSession session = new KeystoneSession(new KeystoneLogin(this.stubs.cloudConfig(), clients),
				Duration.ofMinutes(5), Clock.systemUTC(), this.stubs.meterRegistry);
		this.context = new CallContext(session, "req-5f0c7d3e-8a4b-4c2d-9e1f-0a1b2c3d4e5f");
		this.client = new Openstack4jCloudClient(clients);
	}

	@Test
	void aCreateWhoseConnectionDropsIsSentOnlyOnce() {
		openstack.stubFor(post(urlPathEqualTo(SERVERS)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.client.createServer(this.context, SPEC));

		openstack.verify(1, postRequestedFor(urlPathEqualTo(SERVERS)));
	}

	@Test
	void aCreateWhoseConnectionIsResetIsSentOnlyOnce() {
		openstack.stubFor(post(urlPathEqualTo(SERVERS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.client.createServer(this.context, SPEC));

		openstack.verify(1, postRequestedFor(urlPathEqualTo(SERVERS)));
	}

	/** openstack4j's boot returns null on 404; createServer calls getId() on it. */
	@Test
	void aCreateAnswered404IsACloudException() {
		openstack.stubFor(post(urlPathEqualTo(SERVERS)).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"itemNotFound\": {\"code\": 404, \"message\": \"The resource could not be found.\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.client.createServer(this.context, SPEC));
	}

	/** ToActionResponseFunction counts every status but 400-409 and 500 as a success. */
	@Test
	void aDeleteAnswered503IsUnavailable() {
		openstack.stubFor(delete(urlPathEqualTo(SERVERS + "/s-1")).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"computeFault\": {\"code\": 503, \"message\": \"Service Unavailable\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.client.deleteServer(this.context, "s-1"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE));
	}

	@Test
	void aDeleteAnswered429IsAFailure() {
		openstack.stubFor(delete(urlPathEqualTo(SERVERS + "/s-1")).willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"overLimit\": {\"code\": 429, \"message\": \"Rate limit exceeded\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.client.deleteServer(this.context, "s-1"));
	}

	/** A 401 to a delete comes back as a failed ActionResponse, not an exception: write() never renews the token. */
	@Test
	void aDeleteWithARefusedTokenRenewsTheToken() {
		openstack.stubFor(delete(urlPathEqualTo(SERVERS + "/s-1")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", "
					+ "\"message\": \"The request you have made requires authentication.\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.client.deleteServer(this.context, "s-1"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE));
		assertThat(this.stubs.authentications()).isEqualTo(2);
		openstack.verify(1, deleteRequestedFor(urlPathEqualTo(SERVERS + "/s-1")));
	}

	/** Upstream.failure drops the request id and passes Nova's 5xx message on, unlike a failed read. */
	@Test
	void aDeleteAnswered500KeepsNovasRequestIdAndNotItsMessage() {
		openstack.stubFor(delete(urlPathEqualTo(SERVERS + "/s-1")).willReturn(aResponse().withStatus(500)
			.withHeader("X-Openstack-Request-Id", "req-nova-del-500")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"computeFault\": {\"code\": 500, \"message\": \"internal secret detail\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.client.deleteServer(this.context, "s-1"))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(Kind.UPSTREAM_ERROR);
				assertThat(ex.openstackRequestId()).isEqualTo("req-nova-del-500");
				assertThat(ex.getMessage()).doesNotContain("secret");
			});
	}

	/** Nova answers 403 "Quota exceeded, too many key pairs." Upstream makes it CONFLICT, which tryAcquire reads as "held". */
	@Test
	void aLockThatCannotBeCreatedForQuotaIsAFailureNotHeldBySomeoneElse() {
		openstack.stubFor(post(urlPathEqualTo("/compute/v2.1/os-keypairs")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"forbidden\": {\"code\": 403, \"message\": \"Quota exceeded, too many key pairs.\"}}")));
		KeypairLaunchLocks locks = new KeypairLaunchLocks(this.client);

		assertThatExceptionOfType(CloudException.class)
			.isThrownBy(() -> locks.tryAcquire(this.context, "stackgate-launch-0123"));
	}

	/** A 401 without a JSON body loses its status in openstack4j (status 0): the token is not renewed. */

}
