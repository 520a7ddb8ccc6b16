package io.stackgate.server.cloud.openstack4j;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.stackgate.api.ResourceRefDto;
import io.stackgate.api.ServerDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.ServerQuery;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Nova microversion the gateway negotiates and sends, and what it reads back at each:
 * Nova's version document says what it offers; servers come with their flavor by id (2.1)
 * or embedded by name (2.47).
 */
class NovaMicroversionTests {

	private static final String VERSION_DOCUMENT = "/compute/v2.1/";

	@RegisterExtension
	static WireMockExtension openstack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private CallContext context;

	private NovaCompute nova;

	private GlanceImages glance;

	@BeforeEach
	void setUp() {
		OpenStackStubs stubs = new OpenStackStubs(openstack);
		stubs.keystoneIssuesTokens(Duration.ofHours(1));
		this.context = new CallContext(stubs.session(Duration.ofMinutes(5)),
				"req-1b4e28ba-2fa1-11d2-883f-0016d3cca427");
		UpstreamCalls calls = stubs.calls();
		this.nova = new NovaCompute(calls);
		this.glance = new GlanceImages(calls);
		openstack.stubFor(get(urlPathEqualTo("/compute/v2.1/flavors/detail")).willReturn(okJson("{\"flavors\": []}")));
		openstack.stubFor(get(urlPathEqualTo("/image/v2/images")).willReturn(okJson("{\"images\": []}")));
	}

	@Test
	void aNovaThatOffers2Point47GetsItOnEveryComputeCallAndServersComeWithTheirFlavorByName() {
		novaOffers("2.100");
		openstack.stubFor(get(urlPathEqualTo("/compute/v2.1/servers/detail"))
			.willReturn(okJson(OpenStackStubs.resource("servers-detail-2.47.json"))));

		ServerDto server = this.nova.listServers(this.context, new ServerQuery(null, null, null, null))
			.servers()
			.get(0);
		this.nova.listFlavors(this.context);

		assertThat(server.flavor()).isEqualTo(new ResourceRefDto(null, "m1.nano"));
		assertThat(server.image()).isEqualTo(new ResourceRefDto("img-raw", null));
		assertThat(server.addresses()).hasSize(1);
		openstack.verify(getRequestedFor(urlPathEqualTo("/compute/v2.1/servers/detail"))
			.withHeader(NovaMicroversion.HEADER, equalTo("2.47")));
		openstack.verify(getRequestedFor(urlPathEqualTo("/compute/v2.1/flavors/detail"))
			.withHeader(NovaMicroversion.HEADER, equalTo("2.47")));
	}

	@Test
	void anOlderNovaGetsTheBaseMicroversionAndServersComeWithTheirFlavorById() {
		novaOffers("2.42");
		openstack.stubFor(get(urlPathEqualTo("/compute/v2.1/servers/vm1"))
			.willReturn(okJson("{\"server\": " + firstServer("servers-detail.json") + "}")));

		ServerDto server = this.nova.findServer(this.context, "vm1").orElseThrow();

		assertThat(server.flavor()).isEqualTo(new ResourceRefDto("42", null));
		assertThat(server.name()).isEqualTo("vm1");
		openstack.verify(getRequestedFor(urlPathEqualTo("/compute/v2.1/servers/vm1"))
			.withHeader(NovaMicroversion.HEADER, equalTo("2.1")));
	}

	@Test
	void theVersionDocumentIsReadOnceAndOnlyNovaGetsTheHeader() {
		novaOffers("2.93");

		this.nova.listFlavors(this.context);
		this.nova.listFlavors(this.context);
		this.glance.listImages(this.context);
		this.nova.listFlavors(this.context);

		openstack.verify(1, getRequestedFor(urlEqualTo(VERSION_DOCUMENT)));
		openstack.verify(3, getRequestedFor(urlPathEqualTo("/compute/v2.1/flavors/detail"))
			.withHeader(NovaMicroversion.HEADER, equalTo("2.47")));
		openstack
			.verify(getRequestedFor(urlPathEqualTo("/image/v2/images")).withHeader(NovaMicroversion.HEADER, absent()));
	}

	@Test
	void whenTheVersionDocumentCannotBeReadACallGoesOutAtTheBaseAndTheNextOneReadsItAgain() {
		openstack.stubFor(get(urlEqualTo(VERSION_DOCUMENT)).willReturn(aResponse().withStatus(503)));

		this.nova.listFlavors(this.context);
		openstack.verify(getRequestedFor(urlPathEqualTo("/compute/v2.1/flavors/detail"))
			.withHeader(NovaMicroversion.HEADER, equalTo("2.1")));

		openstack.resetRequests();
		novaOffers("2.93");
		this.nova.listFlavors(this.context);

		openstack.verify(1, getRequestedFor(urlEqualTo(VERSION_DOCUMENT)));
		openstack.verify(getRequestedFor(urlPathEqualTo("/compute/v2.1/flavors/detail"))
			.withHeader(NovaMicroversion.HEADER, equalTo("2.47")));
	}

	@Test
	void aNovaWithoutMicroversionsGetsTheBase() {
		openstack.stubFor(get(urlEqualTo(VERSION_DOCUMENT))
			.willReturn(okJson("{\"version\": {\"id\": \"v2.1\", \"status\": \"CURRENT\", \"version\": \"\", "
					+ "\"min_version\": \"\"}}")));

		this.nova.listFlavors(this.context);

		openstack.verify(getRequestedFor(urlPathEqualTo("/compute/v2.1/flavors/detail"))
			.withHeader(NovaMicroversion.HEADER, equalTo("2.1")));
		assertThat(openstack.findAll(anyRequestedFor(anyUrl()))
			.stream()
			.filter((request) -> request.getUrl().startsWith("/compute/"))).hasSize(2);
	}

	@Test
	void microversionsCompareAsNumbers() {
		assertThat(NovaMicroversion.atLeast("2.100", "2.47")).isTrue();
		assertThat(NovaMicroversion.atLeast("2.47", "2.47")).isTrue();
		assertThat(NovaMicroversion.atLeast("2.9", "2.47")).isFalse();
		assertThat(NovaMicroversion.atLeast("3.0", "2.47")).isTrue();
		assertThat(NovaMicroversion.atLeast("", "2.47")).isFalse();
	}

	private static void novaOffers(String maximum) {
		openstack.stubFor(get(urlEqualTo(VERSION_DOCUMENT)).willReturn(okJson("""
				{"version": {"id": "v2.1", "status": "CURRENT", "version": "%s", "min_version": "2.1",
				 "updated": "2013-07-23T11:33:21Z", "links": [{"rel": "self", "href": "http://nova/v2.1/"}],
				 "media-types": [{"base": "application/json",
				 "type": "application/vnd.openstack.compute+json;version=2.1"}]}}""".formatted(maximum))));
	}

	private static String firstServer(String resource) {
		String servers = OpenStackStubs.resource(resource);
		int start = servers.indexOf('{', servers.indexOf('['));
		int end = servers.indexOf("\n    },") + "\n    }".length();
		return servers.substring(start, end);
	}

}
