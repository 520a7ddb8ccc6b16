package io.stackgate.server.cloud.openstack4j;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.stackgate.api.AddressDto;
import io.stackgate.api.ImageDto;
import io.stackgate.api.ResourceRefDto;
import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.CloudException.Kind;
import io.stackgate.server.cloud.OpenStackService;
import io.stackgate.server.cloud.ServerPage;
import io.stackgate.server.cloud.ServerQuery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class Openstack4jAdaptersTests {

	private static final String REQUEST_ID = "req-1b4e28ba-2fa1-11d2-883f-0016d3cca427";

	@RegisterExtension
	static WireMockExtension openstack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private OpenStackStubs stubs;

	private CallContext context;

	private NovaCompute nova;

	private GlanceImages glance;

	private NeutronNetworks neutron;

	@BeforeEach
	void setUp() {
		this.stubs = new OpenStackStubs(openstack);
		this.stubs.keystoneIssuesTokens(Duration.ofHours(1));
		this.context = new CallContext(this.stubs.session(Duration.ofMinutes(5)), REQUEST_ID);
		UpstreamCalls calls = this.stubs.calls();
		this.nova = new NovaCompute(calls);
		this.glance = new GlanceImages(calls);
		this.neutron = new NeutronNetworks(calls);
	}

	@Test
	void mapsServersWithAllTheirAddressesAndSendsTokenAndGlobalRequestId() {
		openstack.stubFor(get(urlPathEqualTo("/compute/v2.1/servers/detail"))
			.willReturn(okJson(OpenStackStubs.resource("servers-detail.json"))));

		ServerPage page = this.nova.listServers(this.context, new ServerQuery(null, null, null, null));

		assertThat(page.nextMarker()).isNull();
		assertThat(page.servers()).hasSize(2);
		ServerDto vm1 = page.servers().get(0);
		assertThat(vm1.id()).isEqualTo("9e1a4b0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
		assertThat(vm1.name()).isEqualTo("vm1");
		assertThat(vm1.status()).isEqualTo(ServerStatus.ACTIVE);
		assertThat(vm1.addresses()).containsExactly(new AddressDto("private", "10.0.0.12", 4, AddressDto.Type.FIXED),
				new AddressDto("private", "172.24.4.20", 4, AddressDto.Type.FLOATING));
		assertThat(vm1.flavor()).isEqualTo(new ResourceRefDto("42", null));
		assertThat(vm1.image()).isEqualTo(new ResourceRefDto("img-raw", null));
		assertThat(vm1.created()).isEqualTo(Instant.parse("2026-11-27T04:40:12Z"));
		assertThat(vm1.fault()).isNull();
		ServerDto broken = page.servers().get(1);
		assertThat(broken.status()).isEqualTo(ServerStatus.ERROR);
		assertThat(broken.fault()).startsWith("No valid host was found");
		assertThat(broken.image()).isNull();
		assertThat(broken.addresses()).isEmpty();
		openstack.verify(getRequestedFor(urlPathEqualTo("/compute/v2.1/servers/detail"))
			.withHeader("X-Auth-Token", equalTo(OpenStackStubs.TOKEN))
			.withHeader("X-OpenStack-Request-ID", equalTo(REQUEST_ID))
			.withQueryParam("limit", equalTo("1000")));
	}

	@Test
	void aNameFilterReachesNovaAsLiteralText() {
		assertThat(NovaCompute.literal("web-1.a")).isEqualTo("web\\-1\\.a");
		assertThat(NovaCompute.literal("(.*)|x")).isEqualTo("\\(\\.\\*\\)\\|x");
		assertThat(NovaCompute.literal("héllo wörld")).isEqualTo("héllo\\ wörld");
	}

	@Test
	void passesFiltersAndReturnsTheNextMarkerOfAFullPage() {
		openstack.stubFor(get(urlPathEqualTo("/compute/v2.1/servers/detail"))
			.willReturn(okJson(OpenStackStubs.resource("servers-detail.json"))));

		ServerPage page = this.nova.listServers(this.context,
				new ServerQuery("vm", ServerStatus.ACTIVE, 2, "previous-id"));

		assertThat(page.nextMarker()).isEqualTo("0b7d8c9a-2e3f-4a5b-9c8d-1e2f3a4b5c6d");
		openstack.verify(
				getRequestedFor(urlPathEqualTo("/compute/v2.1/servers/detail")).withQueryParam("name", equalTo("vm"))
					.withQueryParam("status", equalTo("ACTIVE"))
					.withQueryParam("limit", equalTo("2"))
					.withQueryParam("marker", equalTo("previous-id")));
	}

	@Test
	void walksEveryPageOfImages() {
		openstack.stubFor(get(urlPathEqualTo("/image/v2/images")).atPriority(5).willReturn(okJson(images(0, 1000))));
		openstack.stubFor(get(urlPathEqualTo("/image/v2/images")).withQueryParam("marker", equalTo("image-999"))
			.atPriority(1)
			.willReturn(okJson(images(1000, 3))));

		List<ImageDto> images = this.glance.listImages(this.context);

		assertThat(images).hasSize(1003);
		assertThat(images.get(1002).id()).isEqualTo("image-1002");
		assertThat(images.get(0)).isEqualTo(new ImageDto("image-0", "image 0", "active", 65536L, 1, 64));
		openstack.verify(2,
				getRequestedFor(urlPathEqualTo("/image/v2/images")).withQueryParam("status", equalTo("active")));
	}

	@Test
	void findsNothingWhenNovaAnswers404() {
		openstack.stubFor(get(urlPathEqualTo("/compute/v2.1/servers/missing")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"itemNotFound\": {\"code\": 404, \"message\": \"Instance missing could not be found.\"}}")));

		assertThat(this.nova.findServer(this.context, "missing")).isEmpty();
	}

	@Test
	void anIdGoesIntoTheNovaUrlEncodedAsOnePathSegment() {
		openstack.stubFor(
				get(urlEqualTo("/compute/v2.1/servers/a%3Fall_tenants%3D1%2F..")).willReturn(aResponse().withStatus(404)
					.withHeader("Content-Type", "application/json")
					.withBody("{\"itemNotFound\": {\"code\": 404, \"message\": \"not found\"}}")));

		assertThat(this.nova.findServer(this.context, "a?all_tenants=1/..")).isEmpty();
		openstack.verify(getRequestedFor(urlEqualTo("/compute/v2.1/servers/a%3Fall_tenants%3D1%2F..")));
	}

	@Test
	void anUpstream500BecomesAnUpstreamErrorWithTheOpenStackRequestId() {
		openstack.stubFor(get(urlPathEqualTo("/compute/v2.1/flavors/detail")).willReturn(aResponse().withStatus(500)
			.withHeader("X-Openstack-Request-Id", "req-nova-500")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"computeFault\": {\"code\": 500, \"message\": \"internal secret detail\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.listFlavors(this.context))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(Kind.UPSTREAM_ERROR);
				assertThat(ex.service()).isEqualTo(OpenStackService.COMPUTE);
				assertThat(ex.upstreamStatus()).isEqualTo(500);
				assertThat(ex.openstackRequestId()).isEqualTo("req-nova-500");
				assertThat(ex.getMessage()).isEqualTo("Nova answered 500").doesNotContain("secret");
			});
	}

	@Test
	void anUpstream503BecomesUnavailable() {
		openstack.stubFor(get(urlPathEqualTo("/network/v2.0/networks")).willReturn(aResponse().withStatus(503)));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.neutron.listNetworks(this.context))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE);
				assertThat(ex.service()).isEqualTo(OpenStackService.NETWORK);
			});
	}

	@Test
	void aSlowServiceBecomesATimeout() {
		openstack.stubFor(get(urlPathEqualTo("/compute/v2.1/servers/slow"))
			.willReturn(okJson("{}").withFixedDelay((int) OpenStackStubs.READ_TIMEOUT.multipliedBy(2).toMillis())));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.findServer(this.context, "slow"))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(Kind.TIMEOUT);
				assertThat(ex.getMessage()).isEqualTo("Nova did not answer in time");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "Quota exceeded for instances: Requested 1, but already used 10 of 10 instances",
			"Maximum number of metadata items exceeds 128", "Maximum number of key pairs exceeded",
			"Personality file limit exceeded" })
	void novasQuotaAndLimitRefusalsAreQuotaProblemsWithNovasMessage(String message) {
		openstack.stubFor(get(urlPathEqualTo("/compute/v2.1/flavors/detail")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"forbidden\": {\"code\": 403, \"message\": \"" + message + "\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.listFlavors(this.context))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(Kind.QUOTA);
				assertThat(ex.getMessage()).isEqualTo("Nova answered 403: " + message);
			});
	}

	@Test
	void aPolicyRefusalIsForbidden() {
		openstack.stubFor(get(urlPathEqualTo("/compute/v2.1/flavors/detail")).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"forbidden\": {\"code\": 403, \"message\": \"Policy doesn't allow "
					+ "os_compute_api:os-flavor-manage:create to be performed.\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.nova.listFlavors(this.context))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.FORBIDDEN));
	}

	@Test
	void theMetadataQuotaComesFromNovasLimits() {
		openstack.stubFor(get(urlPathEqualTo("/compute/v2.1/limits")).willReturn(okJson("""
				{"limits": {"rate": [], "absolute": {"maxServerMeta": 128, "maxTotalInstances": 10}}}""")));

		assertThat(this.nova.maxServerMetadataItems(this.context)).hasValue(128);
	}

	@Test
	void aRefusedTokenIsRenewedOnceAndTheReadRepeated() {
		openstack.stubFor(get(urlPathEqualTo("/compute/v2.1/servers/detail")).inScenario("expired")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", "
						+ "\"message\": \"The request you have made requires authentication.\"}}"))
			.willSetStateTo("renewed"));
		openstack.stubFor(get(urlPathEqualTo("/compute/v2.1/servers/detail")).inScenario("expired")
			.whenScenarioStateIs("renewed")
			.willReturn(okJson("{\"servers\": []}")));

		ServerPage page = this.nova.listServers(this.context, new ServerQuery(null, null, null, null));

		assertThat(page.servers()).isEmpty();
		assertThat(this.stubs.authentications()).isEqualTo(2);
	}

	private static String images(int from, int count) {
		return IntStream.range(from, from + count)
			.mapToObj((i) -> "{\"id\": \"image-%d\", \"name\": \"image %d\", \"status\": \"active\", \"size\": 65536, "
				.formatted(i, i) + "\"min_disk\": 1, \"min_ram\": 64, \"visibility\": \"public\"}")
			.collect(Collectors.joining(",", "{\"images\": [", "]}"));
	}

}
