package io.stackgate.dist;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stackgate.itsupport.GatewayProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway jar against a remote cloud, as an operator runs it: the local cloud behind
 * its remote front (TLS with a CA of its own, devstack's paths, a round trip; see
 * docs/devcloud.md). Its CA given as {@code cacert} in clouds.yaml or as
 * {@code OS_CACERT}, a CA that did not sign the certificate, and {@code OS_INSECURE}.
 */
class RemoteCloudIT {

	private static Cloud cloud;

	private static RemoteFront front;

	@TempDir
	Path tmp;

	@BeforeAll
	static void front() {
		cloud = Needs.cloud();
		front = RemoteFront.of(cloud);
	}

	@Test
	void keepsItsConnectionsWhileALiveViewPollsInsteadOfOneHandshakePerCall() throws Exception {
		// A view polls Nova and Neutron every second, some calls at once: once the first
		// polls have opened the connections they need, later polls open none.
		Map<String, String> env = Map.of("OS_CLIENT_CONFIG_FILE", cloud.cloudsYaml().toString(), "OS_CLOUD",
				"devcloud-remote");
		try (GatewayProcess jar = GatewayProcess.start(env, this.tmp.resolve("gateway.log"))) {
			Gateway gateway = Gateway.ready(jar);
			String token = cloud.login().token();
			assertThat(Cloud
				.send(HttpRequest.newBuilder(URI.create(gateway.base() + "/api/v1/servers"))
					.header("X-Auth-Token", token)
					.build())
				.statusCode()).isEqualTo(200);
			int before = front.accessLog().size();
			Gateway.sleep(Duration.ofSeconds(8));
			int middle = front.accessLog().size();
			Gateway.sleep(Duration.ofSeconds(8));
			List<String> log = front.accessLog();
			Set<String> services = new HashSet<>();
			log.subList(before, log.size()).forEach((line) -> services.add(field(line, 4).split("/")[1]));
			Set<String> first = connections(log.subList(before, middle));
			Set<String> second = connections(log.subList(middle, log.size()));
			assertThat(log.size() - before).as("the live view's polls through the front").isGreaterThanOrEqualTo(20);
			assertThat(second).as("connections of the last 8 s, of %s requests to %s", log.size() - middle, services)
				.isSubsetOf(first)
				.hasSizeLessThanOrEqualTo(2 * services.size());
		}
	}

	/**
	 * @return the connections (nginx's {@code $connection}) of these access log lines
	 */
	private static Set<String> connections(List<String> lines) {
		Set<String> connections = new HashSet<>();
		lines.forEach((line) -> connections.add(field(line, 1)));
		return connections;
	}

	private static String field(String line, int index) {
		return line.split(" ")[index];
	}

	@Test
	void trustsTheCaGivenAsOsCacert() throws Exception {
		Map<String, String> env = new HashMap<>(front.osVariables());
		env.put("OS_CACERT", front.ca().toString());
		try (GatewayProcess jar = GatewayProcess.start(env, this.tmp.resolve("gateway.log"))) {
			assertThat(Gateway.ready(jar).flavorNames(cloud.login().token())).isNotEmpty();
		}
	}

	@Test
	void refusesToStartWithACertificateItDoesNotTrustAndSaysWhyInOneLine() throws Exception {
		Map<String, String> env = new HashMap<>(front.osVariables());
		env.put("OS_CACERT", front.otherCa().toString());
		try (GatewayProcess jar = GatewayProcess.start(env, this.tmp.resolve("gateway.log"))) {
			assertThat(jar.awaitExit(Duration.ofMinutes(2))).isNotZero();
			assertThat(jar.log()
				.lines()
				.filter((line) -> line.startsWith("Cannot log in to Keystone at " + front.config().authUrl()
						+ " (OS_* environment variables): its TLS certificate is not trusted")))
				.as(jar.log())
				.hasSize(1);
			assertThat(jar.log()).doesNotContain("\tat ");
		}
	}

	@Test
	void worksWithoutVerificationWhenInsecureAndWarnsThatItDoes() throws Exception {
		Map<String, String> env = new HashMap<>(front.osVariables());
		env.put("OS_INSECURE", "true");
		try (GatewayProcess jar = GatewayProcess.start(env, this.tmp.resolve("gateway.log"))) {
			assertThat(Gateway.ready(jar).flavorNames(cloud.login().token())).isNotEmpty();
			assertThat(
					jar.log()
						.lines()
						.filter((line) -> line.contains(" WARN ")
								&& line.contains("TLS verification of " + front.config().authUrl() + " is off")))
				.hasSize(1);
		}
	}

}
