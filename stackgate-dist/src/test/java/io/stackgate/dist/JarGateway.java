package io.stackgate.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built gateway jar run as its own process, as an operator runs it, with the cloud
 * given only by the {@code OS_*} variables the test chooses (none of this process's own).
 */
final class JarGateway implements AutoCloseable {

	private final Process process;

	private final Path log;

	private final Gateway gateway;

	private JarGateway(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.gateway = new Gateway(port);
	}

	/**
	 * @param cloud the {@code OS_*} variables of the cloud
	 * @param log where its output goes
	 * @return the gateway, started (not yet ready)
	 */
	static JarGateway start(Map<String, String> cloud, Path log) {
		Path jar = Dist.repo().resolve("stackgate-server/target/stackgate-server.jar");
		int port = Dist.freePort();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(List.of(java, "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
				"--stackgate.listen.address=127.0.0.1", "--stackgate.listen.port=" + port))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("OS_"));
		builder.environment().putAll(cloud);
		try {
			return new JarGateway(builder.start(), log, port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @return the gateway once its readiness answers 200
	 */
	Gateway ready() {
		this.gateway.awaitReady(Duration.ofMinutes(3), this.process::isAlive, this::log);
		return this.gateway;
	}

	/**
	 * @param timeout how long to wait
	 * @return its exit status
	 */
	int awaitExit(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new AssertionError("the gateway still runs after " + timeout + "\n" + log());
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

}
