package io.stackgate.server.cloud.openstack4j;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openstack4j.core.transport.Config;

import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.CloudException.Kind;
import io.stackgate.server.cloud.LaunchLocks;
import io.stackgate.server.cloud.OpenStackService;
import io.stackgate.server.cloud.ServerSpec;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How creates, deletes and launch locks fail against a fake Nova: a write is sent once,
 * whatever happens to it.
 */
class LaunchFailuresTests {

	private static final String REQUEST_ID = "req-5f0c7d3e-8a4b-4c2d-9e1f-0a1b2c3d4e5f";

	private static final String SERVERS = "/compute/v2.1/servers";

	private static final String KEYPAIRS = "/compute/v2.1/os-keypairs";

	private static final String LOCK = "stackgate-launch-0123456789abcdef0123456789abcdef01234567";

	private static final ServerSpec SPEC = new ServerSpec("web-1", "f-small", "i-cirros",
			List.of("n-private", "n-storage"), "my-key", List.of("default", "web"), "#cloud-config\nruncmd: [ls]\n",
			"nova", Map.of("role", "web", "stackgate:idempotency-key", "abc"));

	@RegisterExtension
	static WireMockExtension openstack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private OpenStackStubs stubs;

	private CallContext context;

	private NovaCompute nova;

	private KeypairLaunchLocks locks;

	@BeforeEach
	void setUp() {
		this.stubs = new OpenStackStubs(openstack);
		this.stubs.keystoneIssuesTokens(Duration.ofHours(1));
		// Only the timeout test needs the stubs' short read timeout; the others must not
		// fail on a slow first call.
		OpenStackClients clients = new OpenStackClients(this.stubs.cloudConfig(),
				Config.newConfig().withConnectionTimeout(5000).withReadTimeout(20_000));
		UpstreamCalls calls = new UpstreamCalls(clients, UpstreamBulkheads.defaults());
		KeystoneSession session = new KeystoneSession(new KeystoneLogin(this.stubs.cloudConfig(), clients), calls,
				Duration.ofMinutes(5), Clock.systemUTC(), this.stubs.meterRegistry);
		this.context = new CallContext(session, REQUEST_ID);
		this.nova = new NovaCompute(calls);
		this.locks = new KeypairLaunchLocks(calls, OpenStackStubs.READ_TIMEOUT);
	}

	@Test
	void createServerSendsTheWholeSpecAndReturnsTheNewId() {
		openstack.stubFor(post(urlPathEqualTo(SERVERS)).willReturn(created()));

		String id = this.nova.createServer(this.context, SPEC);

		assertThat(id).isEqualTo("7d5e1c2a-new-server");
		String userData = Base64.getEncoder()
			.encodeToString("#cloud-config\nruncmd: [ls]\n".getBytes(StandardCharsets.UTF_8));
		openstack.verify(1,
				postRequestedFor(urlPathEqualTo(SERVERS)).withHeader("X-Auth-Token", equalTo(OpenStackStubs.TOKEN))
					.withHeader("X-OpenStack-Request-ID", equalTo(REQUEST_ID))
					.withRequestBody(equalToJson("""
							{"server": {
							  "name": "web-1",
							  "flavorRef": "f-small",
							  "imageRef": "i-cirros",
							  "networks": [{"uuid": "n-private"}, {"uuid": "n-storage"}],
							  "key_name": "my-key",
							  "security_groups": [{"name": "default"}, {"name": "web"}],
							  "user_data": "%s",
							  "availability_zone": "nova",
							  "metadata": {"role": "web", "stackgate:idempotency-key": "abc"}
							}}""".formatted(userData), false, true))
					.withRequestBody(matchingJsonPath("$.server.user_data", equalTo(userData)))
					.withRequestBody(matchingJsonPath("$.server.networks[0].uuid", equalTo("n-private"))));
	}

	@Test
	void createServerLeavesOutWhatTheSpecLeavesOut() {
		openstack.stubFor(post(urlPathEqualTo(SERVERS)).willReturn(created()));

		this.nova.createServer(this.context, new ServerSpec("db", "f-small", "i-cirros", List.of("n-private"), null,
				List.of(), null, null, Map.of()));

		openstack.verify(1,
				postRequestedFor(urlPathEqualTo(SERVERS))
					.withRequestBody(matchingJsonPath("$.server.name", equalTo("db")))
					.withRequestBody(not(matchingJsonPath("$.server.key_name")))
					.withRequestBody(not(matchingJsonPath("$.server.user_data")))
					.withRequestBody(not(matchingJsonPath("$.server.availability_zone")))
					.withRequestBody(not(matchingJsonPath("$.server.security_groups"))));
	}

	@Test
	void aCreateThatTimesOutIsATimeoutAndIsSentOnlyOnce() {
		this.nova = new NovaCompute(this.stubs.calls());
		openstack.stubFor(post(urlPathEqualTo(SERVERS))
			.willReturn(created().withFixedDelay((int) OpenStackStubs.READ_TIMEOUT.multipliedBy(2).toMillis())));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.createServer(this.context, SPEC))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(Kind.TIMEOUT);
				assertThat(ex.service()).isEqualTo(OpenStackService.COMPUTE);
				assertThat(ex.upstreamStatus()).isNull();
			});
		openstack.verify(1, postRequestedFor(urlPathEqualTo(SERVERS)));
	}

	@Test
	void writesKeepTheWholeReadTimeoutAfterTheRequestsReadsUsedMostOfIt() {
		this.nova = new NovaCompute(this.stubs.calls());
		long slow = OpenStackStubs.READ_TIMEOUT.toMillis() * 7 / 10;
		openstack.stubFor(get(urlPathEqualTo("/compute/v2.1/flavors/detail"))
			.willReturn(okJson("{\"flavors\": []}").withFixedDelay((int) slow)));
		openstack.stubFor(post(urlPathEqualTo(SERVERS)).willReturn(created().withFixedDelay((int) slow)));
		openstack.stubFor(delete(urlPathEqualTo(SERVERS + "/7d5e1c2a-new-server"))
			.willReturn(aResponse().withStatus(204).withFixedDelay((int) slow)));

		this.nova.listFlavors(this.context);
		String id = this.nova.createServer(this.context, SPEC);
		this.nova.deleteServer(this.context, id);

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.listFlavors(this.context))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.TIMEOUT));
		openstack.verify(1, deleteRequestedFor(urlPathEqualTo(SERVERS + "/7d5e1c2a-new-server")));
	}

	@Test
	void aCreateWhoseConnectionDropsBeforeTheAnswerIsATimeoutNotAnUnreachableNovaAndIsSentOnlyOnce() {
		openstack.stubFor(post(urlPathEqualTo(SERVERS)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

		// Nova may have made the server: "could not be reached" (503) would tell the
		// caller nothing was done.
		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.createServer(this.context, SPEC))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(Kind.TIMEOUT);
				assertThat(ex.getMessage()).isEqualTo("Nova closed the connection before answering");
				assertThat(ex.upstreamStatus()).isNull();
			});
		openstack.verify(1, postRequestedFor(urlPathEqualTo(SERVERS)));
	}

	@Test
	void aCreateWhoseConnectionIsResetIsSentOnlyOnce() {
		openstack
			.stubFor(post(urlPathEqualTo(SERVERS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.createServer(this.context, SPEC))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.TIMEOUT));
		openstack.verify(1, postRequestedFor(urlPathEqualTo(SERVERS)));
	}

	@Test
	void aCreateAnswered500IsAnUpstreamErrorWithNovasRequestIdAndIsNotRepeated() {
		openstack.stubFor(post(urlPathEqualTo(SERVERS)).willReturn(aResponse().withStatus(500)
			.withHeader("X-Openstack-Request-Id", "req-nova-create-500")
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"computeFault\": {\"code\": 500, \"message\": \"Unexpected API Error. <class 'oslo_db.exception.DBError'>\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.createServer(this.context, SPEC))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(Kind.UPSTREAM_ERROR);
				assertThat(ex.upstreamStatus()).isEqualTo(500);
				assertThat(ex.openstackRequestId()).isEqualTo("req-nova-create-500");
				assertThat(ex.getMessage()).isEqualTo("Nova answered 500").doesNotContain("oslo_db");
			});
		openstack.verify(1, postRequestedFor(urlPathEqualTo(SERVERS)));
	}

	@Test
	void aCreateWithARefusedTokenIsNotRepeatedButTheTokenIsRenewedAndNothingWasChanged() {
		openstack.stubFor(post(urlPathEqualTo(SERVERS)).willReturn(unauthorized()));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.createServer(this.context, SPEC))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE);
				assertThat(ex.upstreamStatus()).isEqualTo(401);
				assertThat(ex.getMessage()).isEqualTo("Nova refused the token, which has been renewed: nothing was "
						+ "changed and the request can be repeated");
				assertThat(ex.getCause()).isInstanceOfSatisfying(CloudException.class,
						(cause) -> assertThat(cause.kind()).isEqualTo(Kind.UNAUTHORIZED));
			});
		openstack.verify(1, postRequestedFor(urlPathEqualTo(SERVERS)));
		openstack.verify(2, postRequestedFor(urlPathEqualTo("/identity/v3/auth/tokens")));
		assertThat(this.stubs.authentications()).isEqualTo(2);
	}

	@Test
	void theCreateAfterARefusedTokenGoesOutWithTheRenewedToken() {
		openstack.stubFor(post(urlPathEqualTo(SERVERS)).inScenario("expired")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(unauthorized())
			.willSetStateTo("renewed"));
		openstack.stubFor(post(urlPathEqualTo(SERVERS)).inScenario("expired")
			.whenScenarioStateIs("renewed")
			.willReturn(created()));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.createServer(this.context, SPEC));
		String id = this.nova.createServer(this.context, SPEC);

		assertThat(id).isEqualTo("7d5e1c2a-new-server");
		openstack.verify(2, postRequestedFor(urlPathEqualTo(SERVERS)));
		assertThat(this.stubs.authentications()).isEqualTo(2);
	}

	@Test
	void aCreateOverQuotaIsAQuotaRefusal() {
		openstack.stubFor(post(urlPathEqualTo(SERVERS)).willReturn(aResponse().withStatus(403)
			.withHeader("X-Openstack-Request-Id", "req-nova-quota")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"forbidden\": {\"code\": 403, \"message\": \"Quota exceeded for instances: "
					+ "Requested 1, but already used 10 of 10 instances\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.createServer(this.context, SPEC))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(Kind.QUOTA);
				assertThat(ex.upstreamStatus()).isEqualTo(403);
				assertThat(ex.openstackRequestId()).isEqualTo("req-nova-quota");
				assertThat(ex.getMessage()).contains("Quota exceeded for instances");
			});
		openstack.verify(1, postRequestedFor(urlPathEqualTo(SERVERS)));
	}

	@Test
	void aCreateRefusedByPolicyIsForbidden() {
		openstack.stubFor(post(urlPathEqualTo(SERVERS)).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"forbidden\": {\"code\": 403, "
					+ "\"message\": \"Policy doesn't allow os_compute_api:servers:create to be performed.\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.createServer(this.context, SPEC))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.FORBIDDEN));
	}

	@Test
	void aCreateNovaRejectsIsABadRequestWithNovasReason() {
		openstack.stubFor(post(urlPathEqualTo(SERVERS)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"badRequest\": {\"code\": 400, \"message\": \"Invalid key_name provided.\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.createServer(this.context, SPEC))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(Kind.BAD_REQUEST);
				assertThat(ex.getMessage()).isEqualTo("Nova answered 400: Invalid key_name provided.");
			});
	}

	@Test
	void deleteServerSendsOneDelete() {
		openstack.stubFor(delete(urlPathEqualTo(SERVERS + "/s-1")).willReturn(aResponse().withStatus(204)));

		this.nova.deleteServer(this.context, "s-1");

		openstack.verify(1,
				deleteRequestedFor(urlPathEqualTo(SERVERS + "/s-1"))
					.withHeader("X-Auth-Token", equalTo(OpenStackStubs.TOKEN))
					.withHeader("X-OpenStack-Request-ID", equalTo(REQUEST_ID)));
	}

	@Test
	void deletingAServerNovaDoesNotKnowIsNotFound() {
		openstack.stubFor(delete(urlPathEqualTo(SERVERS + "/gone")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"itemNotFound\": {\"code\": 404, \"message\": \"Instance gone could not be found.\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.deleteServer(this.context, "gone"))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(Kind.NOT_FOUND);
				assertThat(ex.upstreamStatus()).isEqualTo(404);
				assertThat(ex.getMessage()).isEqualTo("Nova answered 404: Instance gone could not be found.");
			});
		openstack.verify(1, deleteRequestedFor(urlPathEqualTo(SERVERS + "/gone")));
	}

	@Test
	void aLockIsAcquiredByCreatingItsKeypair() {
		openstack.stubFor(post(urlPathEqualTo(KEYPAIRS)).willReturn(okJson(keypair(Instant.now()))));

		assertThat(this.locks.tryAcquire(this.context, LOCK)).isTrue();

		openstack.verify(1,
				postRequestedFor(urlPathEqualTo(KEYPAIRS))
					.withRequestBody(matchingJsonPath("$.keypair.name", equalTo(LOCK)))
					.withRequestBody(matchingJsonPath("$.keypair.public_key",
							equalTo("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIckwcscXuHXIrZS8PHEchKmwP02S3oswkvlxvvnvgow "
									+ "stackgate-launch-lock"))));
	}

	@Test
	void aLockWhoseKeypairExistsIsHeldBySomeoneElse() {
		openstack.stubFor(post(urlPathEqualTo(KEYPAIRS)).willReturn(keypairExists()));
		openstack.stubFor(
				get(urlPathEqualTo(KEYPAIRS + "/" + LOCK)).willReturn(okJson(keypair(Instant.now().minusSeconds(5)))));

		assertThat(this.locks.tryAcquire(this.context, LOCK)).isFalse();

		openstack.verify(1, postRequestedFor(urlPathEqualTo(KEYPAIRS)));
		openstack.verify(0, deleteRequestedFor(urlPathEqualTo(KEYPAIRS + "/" + LOCK)));
	}

	@Test
	void aLockOlderThanItsStalenessIsBrokenAndTakenOver() {
		openstack.stubFor(post(urlPathEqualTo(KEYPAIRS)).inScenario("stale lock")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(keypairExists()));
		openstack.stubFor(get(urlPathEqualTo(KEYPAIRS + "/" + LOCK))
			.willReturn(okJson(keypair(Instant.now().minus(this.locks.staleAfter()).minusSeconds(60)))));
		openstack.stubFor(delete(urlPathEqualTo(KEYPAIRS + "/" + LOCK)).inScenario("stale lock")
			.willReturn(aResponse().withStatus(202))
			.willSetStateTo("broken"));
		openstack.stubFor(post(urlPathEqualTo(KEYPAIRS)).inScenario("stale lock")
			.whenScenarioStateIs("broken")
			.willReturn(okJson(keypair(Instant.now()))));

		assertThat(this.locks.tryAcquire(this.context, LOCK)).isTrue();

		openstack.verify(2, postRequestedFor(urlPathEqualTo(KEYPAIRS)));
		openstack.verify(1, deleteRequestedFor(urlPathEqualTo(KEYPAIRS + "/" + LOCK)));
	}

	@Test
	void aStaleLockTakenOverByAnotherGatewayFirstIsNotAcquired() {
		openstack.stubFor(post(urlPathEqualTo(KEYPAIRS)).willReturn(keypairExists()));
		openstack.stubFor(get(urlPathEqualTo(KEYPAIRS + "/" + LOCK))
			.willReturn(okJson(keypair(Instant.now().minus(Duration.ofHours(1))))));
		openstack.stubFor(delete(urlPathEqualTo(KEYPAIRS + "/" + LOCK)).willReturn(keypairNotFound()));

		assertThat(this.locks.tryAcquire(this.context, LOCK)).isFalse();

		openstack.verify(2, postRequestedFor(urlPathEqualTo(KEYPAIRS)));
	}

	@Test
	void releasingALockDeletesItsKeypairAndToleratesItBeingGone() {
		openstack.stubFor(delete(urlPathEqualTo(KEYPAIRS + "/" + LOCK)).willReturn(keypairNotFound()));

		this.locks.release(this.context, LOCK);

		openstack.verify(1, deleteRequestedFor(urlPathEqualTo(KEYPAIRS + "/" + LOCK)));
	}

	@Test
	void aLockCreateThatFailsOtherwiseIsReportedNotTakenForHeld() {
		openstack.stubFor(post(urlPathEqualTo(KEYPAIRS)).willReturn(aResponse().withStatus(500)
			.withHeader("X-Openstack-Request-Id", "req-nova-keypair-500")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"computeFault\": {\"code\": 500, \"message\": \"Unexpected API Error.\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.locks.tryAcquire(this.context, LOCK))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(Kind.UPSTREAM_ERROR);
				assertThat(ex.openstackRequestId()).isEqualTo("req-nova-keypair-500");
			});
		openstack.verify(1, postRequestedFor(urlPathEqualTo(KEYPAIRS)));
	}

	private static ResponseDefinitionBuilder created() {
		return aResponse().withStatus(202)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Openstack-Request-Id", "req-nova-create")
			.withBody("{\"server\": {\"id\": \"7d5e1c2a-new-server\", \"adminPass\": \"xK3pQ9\", "
					+ "\"OS-DCF:diskConfig\": \"MANUAL\", \"security_groups\": [{\"name\": \"default\"}], "
					+ "\"links\": []}}");
	}

	/** What keystonemiddleware answers for a token it does not accept. */
	private static ResponseDefinitionBuilder unauthorized() {
		return aResponse().withStatus(401)
			.withHeader("X-Openstack-Request-Id", "req-nova-401")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", "
					+ "\"message\": \"The request you have made requires authentication.\"}}");
	}

	private static ResponseDefinitionBuilder keypairExists() {
		return aResponse().withStatus(409)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"conflictingRequest\": {\"code\": 409, \"message\": \"Key pair '" + LOCK
					+ "' already exists.\"}}");
	}

	private static ResponseDefinitionBuilder keypairNotFound() {
		return aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"itemNotFound\": {\"code\": 404, \"message\": \"Keypair " + LOCK + " not found\"}}");
	}

	/**
	 * A keypair as Nova 2.1 shows it: times in UTC, without a zone, with microseconds.
	 */
	private static String keypair(Instant createdAt) {
		String created = LocalDateTime.ofInstant(createdAt, ZoneOffset.UTC)
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS"));
		return """
				{"keypair": {"name": "%s", "public_key": "ssh-ed25519 AAAA stackgate-launch-lock",
				  "fingerprint": "be:9c:4e:0f:5a:6e:d2:93:0a:5d:a1:8f:b4:2c:3e:7d", "user_id": "u-1",
				  "created_at": "%s", "updated_at": null, "deleted_at": null, "deleted": false, "id": 17}}"""
			.formatted(LOCK, created);
	}

	@Test
	void aCreateWhoseConnectionDropsIsSentOnlyOnce() {
		openstack.stubFor(post(urlPathEqualTo(SERVERS)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.createServer(this.context, SPEC));

		openstack.verify(1, postRequestedFor(urlPathEqualTo(SERVERS)));
	}

	/**
	 * openstack4j's boot answers a 404 with null; the adapter makes that a failure, not a
	 * NullPointerException.
	 */
	@Test
	void aCreateAnswered404IsACloudException() {
		openstack.stubFor(post(urlPathEqualTo(SERVERS)).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"itemNotFound\": {\"code\": 404, \"message\": \"The resource could not be found.\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.createServer(this.context, SPEC));
	}

	/**
	 * openstack4j's own delete would count a 503 as a success (ToActionResponseFunction);
	 * NovaDeletes does not.
	 */
	@Test
	void aDeleteAnswered503IsUnavailable() {
		openstack.stubFor(delete(urlPathEqualTo(SERVERS + "/s-1")).willReturn(aResponse().withStatus(503)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"computeFault\": {\"code\": 503, \"message\": \"Service Unavailable\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.deleteServer(this.context, "s-1"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE));
	}

	@Test
	void aDeleteAnswered429IsAFailure() {
		openstack.stubFor(delete(urlPathEqualTo(SERVERS + "/s-1")).willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"overLimit\": {\"code\": 429, \"message\": \"Rate limit exceeded\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.deleteServer(this.context, "s-1"));
	}

	/**
	 * A delete refused for its token fails, unrepeated, and the gateway's token is
	 * renewed for the next call.
	 */
	@Test
	void aDeleteWithARefusedTokenRenewsTheToken() {
		openstack.stubFor(delete(urlPathEqualTo(SERVERS + "/s-1")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", "
					+ "\"message\": \"The request you have made requires authentication.\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.deleteServer(this.context, "s-1"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE));
		assertThat(this.stubs.authentications()).isEqualTo(2);
		openstack.verify(1, deleteRequestedFor(urlPathEqualTo(SERVERS + "/s-1")));
	}

	/**
	 * A delete answered 500 keeps Nova's request id and, like every 5xx, not Nova's
	 * message.
	 */
	@Test
	void aDeleteAnswered500KeepsNovasRequestIdAndNotItsMessage() {
		openstack.stubFor(delete(urlPathEqualTo(SERVERS + "/s-1")).willReturn(aResponse().withStatus(500)
			.withHeader("X-Openstack-Request-Id", "req-nova-del-500")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"computeFault\": {\"code\": 500, \"message\": \"internal secret detail\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.deleteServer(this.context, "s-1"))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(Kind.UPSTREAM_ERROR);
				assertThat(ex.openstackRequestId()).isEqualTo("req-nova-del-500");
				assertThat(ex.getMessage()).doesNotContain("secret");
			});
	}

	/**
	 * Nova answers 403 "Quota exceeded, too many key pairs.": a lock that cannot be
	 * created is a failure, not held.
	 */
	@Test
	void aLockThatCannotBeCreatedForQuotaIsAFailureNotHeldBySomeoneElse() {
		openstack.stubFor(post(urlPathEqualTo("/compute/v2.1/os-keypairs")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"forbidden\": {\"code\": 403, \"message\": \"Quota exceeded, too many key pairs.\"}}")));

		assertThatExceptionOfType(CloudException.class)
			.isThrownBy(() -> this.locks.tryAcquire(this.context, "stackgate-launch-0123"));
	}

}
