package io.stackgate.itsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built gateway jar run as its own process on a free loopback port, as an operator
 * runs it: {@code STACKGATE_SERVER_JAR}, by default
 * {@code ../stackgate-server/target/stackgate-server.jar} from the module the test runs
 * in. Its output goes to a log file, which a failure quotes.
 */
public final class GatewayProcess implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

	private final Process process;

	private final int port;

	private final Path log;

	private GatewayProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the jar with this process's environment, so the cloud of {@code OS_CLOUD} /
	 * {@code OS_CLIENT_CONFIG_FILE} ({@code eval "$(devcloud/env)"}).
	 * @param log where its output goes
	 * @param arguments more of its command line, for example
	 * {@code --stackgate.launch.poll-interval=1s}
	 * @return the gateway, started (not yet ready: see {@link #awaitReady()})
	 */
	public static GatewayProcess start(Path log, String... arguments) throws IOException {
		return start(new ProcessBuilder(), log, arguments);
	}

	/**
	 * Starts the jar with the cloud given only by the {@code OS_*} variables the test
	 * chooses (none of this process's own).
	 * @param osVariables the {@code OS_*} variables of the cloud
	 * @param log where its output goes
	 * @param arguments more of its command line
	 * @return the gateway, started (not yet ready: see {@link #awaitReady()})
	 */
	public static GatewayProcess start(Map<String, String> osVariables, Path log, String... arguments)
			throws IOException {
		ProcessBuilder builder = new ProcessBuilder();
		builder.environment().keySet().removeIf((name) -> name.startsWith("OS_"));
		builder.environment().putAll(osVariables);
		return start(builder, log, arguments);
	}

	private static GatewayProcess start(ProcessBuilder builder, Path log, String... arguments) throws IOException {
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
		Files.createDirectories(log.toAbsolutePath().getParent());
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1", "-jar",
				jar.toString(), "--stackgate.listen.address=127.0.0.1", "--stackgate.listen.port=" + port));
		command.addAll(List.of(arguments));
		Process process = builder.command(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new GatewayProcess(process, port, log);
	}

	/**
	 * Waits until its readiness answers 200 with the status {@code UP}.
	 * @return this gateway, ready
	 * @throws IllegalStateException when it exits first, or is not ready within 3 minutes
	 */
	public GatewayProcess awaitReady() throws InterruptedException {
		Readiness.await(baseUrl(), READY_TIMEOUT, this.process::isAlive, this::logTail);
		return this;
	}

	/**
	 * @return the port it listens on, on 127.0.0.1
	 */
	public int port() {
		return this.port;
	}

	/**
	 * @return its base URL, {@code http://127.0.0.1:PORT}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * @param timeout how long to wait
	 * @return its exit status
	 * @throws IllegalStateException when it still runs after the timeout
	 */
	public int awaitExit(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("The gateway still runs after " + timeout + "\n" + logTail());
		}
		return this.process.exitValue();
	}

	/**
	 * @return all it wrote so far
	 */
	public String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String logTail() {
		List<String> lines = log().lines().toList();
		return "--- last lines of " + this.log.toAbsolutePath() + "\n"
				+ String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
	}

	/** Stops it: SIGTERM, and SIGKILL if it has not exited after 30 s. */
	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

}
