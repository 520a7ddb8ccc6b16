package io.stackgate.clientit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The built gateway jar, run as its own process on a free loopback port with this
 * process's environment (so {@code OS_CLOUD} / {@code OS_CLIENT_CONFIG_FILE} from
 * {@code eval "$(devcloud/env)"}), as an operator runs it.
 */
final class GatewayProcess implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

	private final Process process;

	private final String baseUrl;

	private final Path log;

	private GatewayProcess(Process process, String baseUrl, Path log) {
		this.process = process;
		this.baseUrl = baseUrl;
		this.log = log;
	}

	/**
	 * @return a started gateway, ready (its readiness probe is up)
	 */
	static GatewayProcess start() throws IOException, InterruptedException {
		Path jar = Path.of(System.getenv()
			.getOrDefault("STACKGATE_SERVER_JAR", "../stackgate-server/target/stackgate-server.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No gateway jar at " + jar.toAbsolutePath()
					+ ": build it with ./mvnw -pl stackgate-server -am package");
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path log = Path.of("target", "stackgate-server-it.log").toAbsolutePath();
		Files.createDirectories(log.getParent());
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
				"--stackgate.listen.address=127.0.0.1", "--stackgate.listen.port=" + port,
				"--stackgate.launch.poll-interval=1s")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		GatewayProcess gateway = new GatewayProcess(process, "http://127.0.0.1:" + port, log);
		gateway.awaitReadiness();
		return gateway;
	}

	/**
	 * @return the gateway's base URL, for the generated client
	 */
	String baseUrl() {
		return this.baseUrl;
	}

	private void awaitReadiness() throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest probe = HttpRequest.newBuilder(URI.create(this.baseUrl + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant giveUp = Instant.now().plus(READY_TIMEOUT);
		while (Instant.now().isBefore(giveUp)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"The gateway exited with " + this.process.exitValue() + "; see " + this.log);
			}
			try {
				if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("The gateway was not ready within " + READY_TIMEOUT + "; see " + this.log);
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

}
