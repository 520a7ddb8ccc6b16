package io.stackgate.server.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.convention.TestBean;

import io.stackgate.server.cloud.openstack4j.KeystoneStubs;
import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.cloudconfig.DomainRef;
import io.stackgate.testing.hostile.FakeNova;
import io.stackgate.testing.hostile.RawHttp;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The whole gateway (Tomcat, filters, controllers, the openstack4j adapter) on a random
 * port, in front of a WireMock OpenStack whose Nova remembers servers ({@link FakeNova}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "stackgate.listen.port=0", "stackgate.listen.address=127.0.0.1",
				"stackgate.auth.rate-limit.requests=0", "stackgate.auth.rate-limit.creates=0",
				"stackgate.upstream.read-timeout=10s", "stackgate.launch.poll-interval=100ms",
				// The hostile client reads each answer to its end: a generated watch=true
				// stream ends after 1 s.
				"stackgate.live.max-watch=1s" })
abstract class WireMockGateway {

	static final String TOKEN = "gAAAAAB-hostile-caller-token";

	static final String PREFIX = "ht-" + UUID.randomUUID().toString().substring(0, 6) + "-";

	static final FakeNova nova = new FakeNova();

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	/**
	 * One port for every test class: each class starts its own WireMock, and the Spring
	 * context, cached across classes, keeps the cloud configuration of the first.
	 */
	private static final int PORT = freePort();

	@RegisterExtension
	static WireMockExtension openstack = WireMockExtension.newInstance()
		.options(wireMockConfig().port(PORT).extensions(nova))
		.build();

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@TestBean(enforceOverride = false)
	CloudConfig cloudConfig;

	@LocalServerPort
	int port;

	static CloudConfig cloudConfig() {
		return new CloudConfig("wiremock", new KeystoneStubs(openstack).authUrl(), "demo", "demo-password",
				DomainRef.DEFAULT, "demo", null, DomainRef.DEFAULT, "RegionOne", "public", null, true);
	}

	@BeforeEach
	void stubOpenStack() {
		KeystoneStubs keystone = new KeystoneStubs(openstack);
		keystone.issuesTokens(Duration.ofHours(1));
		keystone.validates(TOKEN, Instant.now().plus(Duration.ofHours(1)));
		openstack.stubFor(get(urlPathEqualTo("/compute/v2.1/flavors/detail")).willReturn(okJson("""
				{"flavors": [{"id": "42", "name": "m1.nano", "vcpus": 1, "ram": 128, "disk": 1}]}""")));
		openstack.stubFor(get(urlPathEqualTo("/image/v2/images")).willReturn(okJson("""
				{"images": [{"id": "img-raw", "name": "cirros-fake-raw", "status": "active", "size": 65536,
				"min_disk": 0, "min_ram": 0}]}""")));
		openstack.stubFor(get(urlPathEqualTo("/network/v2.0/networks")).willReturn(okJson("""
				{"networks": [{"id": "net-private", "name": "private", "status": "ACTIVE", "shared": false,
				"router:external": false, "subnets": ["sub-1"]}]}""")));
		openstack.stubFor(get(urlPathEqualTo("/network/v2.0/subnets")).willReturn(okJson("""
				{"subnets": [{"id": "sub-1", "name": "private-subnet", "network_id": "net-private",
				"cidr": "10.0.0.0/24", "ip_version": 4}]}""")));
		openstack.stubFor(get(urlPathEqualTo("/network/v2.0/ports")).willReturn(okJson("""
				{"ports": []}""")));
		openstack.stubFor(get(urlPathEqualTo("/network/v2.0/floatingips")).willReturn(okJson("""
				{"floatingips": []}""")));
		openstack.stubFor(any(urlPathMatching("/compute/v2\\.1/(servers|os-keypairs).*")).atPriority(1)
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withTransformers(FakeNova.NAME)));
	}

	RawHttp http() {
		return new RawHttp("127.0.0.1", this.port);
	}

	/**
	 * @return the gateway's answer to a GET with a Keystone token, within 30 s
	 */
	HttpResponse<String> getWithToken(String path, String token) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("X-Auth-Token", token)
			.timeout(Duration.ofSeconds(30))
			.build();
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
