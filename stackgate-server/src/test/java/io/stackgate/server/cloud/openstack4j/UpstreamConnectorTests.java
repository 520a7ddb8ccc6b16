package io.stackgate.server.cloud.openstack4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openstack4j.core.transport.Config;
import org.openstack4j.core.transport.HttpMethod;
import org.openstack4j.core.transport.HttpRequest;
import org.openstack4j.core.transport.HttpResponse;

import io.stackgate.cloudconfig.CaCertificates;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.OpenStackService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The gateway's openstack4j connector against a service behind TLS with a CA of its own.
 */
class UpstreamConnectorTests {

	private static final HeldCertificate CA = new HeldCertificate.Builder().certificateAuthority(0).build();

	private static final HeldCertificate OTHER_CA = new HeldCertificate.Builder().certificateAuthority(0).build();

	private final UpstreamConnector connector = new UpstreamConnector();

	private final MockWebServer service = new MockWebServer();

	@TempDir
	Path dir;

	@BeforeEach
	void startService() throws IOException {
		HeldCertificate certificate = new HeldCertificate.Builder().addSubjectAlternativeName("localhost")
			.addSubjectAlternativeName("127.0.0.1")
			.signedBy(CA)
			.build();
		this.service
			.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
		this.service.start();
		UpstreamConnections.closeIdle();
	}

	@AfterEach
	void stopService() {
		this.service.close();
	}

	@Test
	void readsFromManyCallsKeepOneConnectionAndOneHandshake() throws Exception {
		Config config = trusting(CA);
		for (int i = 0; i < 20; i++) {
			this.service.enqueue(json("{\"servers\": []}"));
			try (HttpResponse response = this.connector.execute(request(HttpMethod.GET, config))) {
				assertThat(response.getStatus()).isEqualTo(200);
				assertThat(response.header("content-type")).isEqualTo("application/json");
			}
		}
		assertThat(connectionsOf(20)).hasSize(1);
	}

	@Test
	void writesGoOutOnConnectionsOfTheirOwnAndReadsKeepTheirs() throws Exception {
		Config config = trusting(CA);
		for (HttpMethod method : new HttpMethod[] { HttpMethod.GET, HttpMethod.POST, HttpMethod.GET, HttpMethod.DELETE,
				HttpMethod.GET }) {
			this.service.enqueue(json("{}"));
			this.connector.execute(request(method, config)).close();
		}
		int[] connections = new int[5];
		for (int i = 0; i < 5; i++) {
			connections[i] = this.service.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex();
		}
		assertThat(connections[0]).isEqualTo(connections[2]).isEqualTo(connections[4]);
		assertThat(Set.of(connections[0], connections[1], connections[3])).hasSize(3);
	}

	@Test
	void aWriteAfterTheServiceClosedAnIdleKeptConnectionIsAnswered() throws Exception {
		Config config = trusting(CA);
		this.service.enqueue(
				new MockResponse.Builder().body("{}").onResponseEnd(SocketEffect.ShutdownConnection.INSTANCE).build());
		this.connector.execute(request(HttpMethod.GET, config)).close();
		this.service.enqueue(json("{\"server\": {}}"));
		try (HttpResponse response = this.connector.execute(request(HttpMethod.POST, config))) {
			assertThat(response.getStatus()).isEqualTo(200);
		}
	}

	@Test
	void aCertificateOfAnotherCaFailsBeforeAnythingIsSentAndSaysWhyInOneLine() {
		Config config = trusting(OTHER_CA);
		assertThatExceptionOfType(CloudException.class)
			.isThrownBy(() -> Upstream.call(OpenStackService.COMPUTE,
					() -> this.connector.execute(request(HttpMethod.POST, config))))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(CloudException.Kind.UNAVAILABLE);
				assertThat(ex.getMessage()).startsWith("Nova could not be reached: its TLS certificate is not trusted")
					.contains("cacert")
					.doesNotContain("\n");
			});
		assertThat(this.service.getRequestCount()).isZero();
	}

	@Test
	void insecureTrustsACertificateOfAnyCa() throws Exception {
		this.service.enqueue(json("{}"));
		Config config = Config.newConfig().withSSLVerificationDisabled();
		try (HttpResponse response = this.connector.execute(request(HttpMethod.GET, config))) {
			assertThat(response.getStatus()).isEqualTo(200);
		}
	}

	@Test
	void aResponseIsReadWholeSoThatItsConnectionIsFreeEvenIfNeverClosed() throws Exception {
		Config config = trusting(CA);
		for (int i = 0; i < 3; i++) {
			this.service.enqueue(json("{\"servers\": []}"));
			HttpResponse response = this.connector.execute(request(HttpMethod.GET, config));
			assertThat(new String(response.getInputStream().readAllBytes())).isEqualTo("{\"servers\": []}");
		}
		assertThat(connectionsOf(3)).hasSize(1);
	}

	private Set<Integer> connectionsOf(int requests) throws InterruptedException {
		Set<Integer> connections = new HashSet<>();
		for (int i = 0; i < requests; i++) {
			connections.add(this.service.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex());
		}
		return connections;
	}

	private Config trusting(HeldCertificate ca) {
		try {
			Path pem = Files.writeString(this.dir.resolve("ca-" + ca.hashCode() + ".pem"), ca.certificatePem());
			return Config.newConfig()
				.withReadTimeout(5000)
				.withSSLContext(UpstreamConnections.register(CaCertificates.trustManager(pem)));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpRequest<Void> request(HttpMethod method, Config config) {
		String endpoint = this.service.url("/compute/v2.1").toString();
		HttpRequest.RequestBuilder<Void> builder = HttpRequest.builder(Void.class)
			.endpoint(endpoint)
			.path("/servers")
			.method(method)
			.config(config);
		if (method == HttpMethod.POST) {
			builder.json("{\"server\": {\"name\": \"vm\"}}");
		}
		return builder.build();
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
	}

}
