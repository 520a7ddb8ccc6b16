package io.stackgate.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stackgate.cli.support.CliRun;
import io.stackgate.cli.support.CliRun.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI against a gateway behind TLS whose certificate a CA of its own signed.
 */
class TlsGatewayTests {

	private static final HeldCertificate CA = new HeldCertificate.Builder().certificateAuthority(0).build();

	private HttpsServer gateway;

	private CliRun cli;

	private Path caFile;

	@BeforeEach
	void startGateway(@TempDir Path dir) throws IOException {
		HeldCertificate certificate = new HeldCertificate.Builder().addSubjectAlternativeName("127.0.0.1")
			.signedBy(CA)
			.build();
		this.gateway = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.gateway.setHttpsConfigurator(new HttpsConfigurator(
				new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslContext()));
		this.gateway.createContext("/api/v1/flavors", (exchange) -> {
			byte[] body = "[{\"id\": \"1\", \"name\": \"m1.tiny\", \"vcpus\": 1, \"ram_mb\": 512, \"disk_gb\": 1}]"
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.gateway.start();
		this.caFile = Files.writeString(dir.resolve("ca.pem"), CA.certificatePem());
		this.cli = new CliRun(dir.resolve("config")).env("STACKGATE_URL",
				"https://127.0.0.1:" + this.gateway.getAddress().getPort());
	}

	@AfterEach
	void stopGateway() {
		this.gateway.stop(0);
	}

	@Test
	void trustsTheCaGivenInStackgateCacert() {
		Result result = this.cli.env("STACKGATE_CACERT", this.caFile.toString()).run("flavor", "list", "-f", "value");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("m1.tiny");
	}

	@Test
	void saysInOneLineThatTheCertificateIsNotTrustedAndHowToTrustIt() {
		Result result = this.cli.run("flavor", "list");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
		assertThat(result.err())
			.startsWith("stackgate: Cannot reach the gateway at https://127.0.0.1:"
					+ this.gateway.getAddress().getPort() + ": its TLS certificate is not trusted (")
			.contains("\n  Give the CA certificates that signed it as a PEM file in STACKGATE_CACERT.\n")
			.doesNotContain("\tat ");
		assertThat(result.err().lines()).hasSize(2);
	}

	@Test
	void saysWhenStackgateCacertIsNotACertificateFile() {
		Result result = this.cli.env("STACKGATE_CACERT", "/nonexistent/ca.pem").run("flavor", "list");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err())
			.startsWith("stackgate: STACKGATE_CACERT: Cannot read the CA certificates in " + "/nonexistent/ca.pem");
	}

}
