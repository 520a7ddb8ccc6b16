package io.stackgate.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the build put things, as failsafe passes them (see stackgate-dist/pom.xml,
 * profile it).
 */
final class Dist {

	private Dist() {
	}

	static String version() {
		return required("stackgate.version");
	}

	/** The repository root. */
	static Path repo() {
		return Path.of(required("stackgate.repo")).toAbsolutePath().normalize();
	}

	/** The one target/stackgate_*_all.deb. */
	static Path deb() {
		Path dir = Path.of(required("stackgate.deb.dir"));
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((p) -> p.getFileName().toString().matches("stackgate_.+_all\\.deb")).reduce((a, b) -> {
				throw new AssertionError("more than one .deb in " + dir + ": " + a + ", " + b);
			}).orElseThrow(() -> new AssertionError("no stackgate_*_all.deb in " + dir));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * 0.1.0-SNAPSHOT becomes 0.1.0~snapshot: a pre-release sorts before the release in
	 * Debian.
	 */
	static String debianVersion() {
		return version().replace("-SNAPSHOT", "~snapshot");
	}

	static Path imageTar() {
		return Path.of(required("stackgate.image.tar"));
	}

	static String imageName() {
		return "localhost/" + required("stackgate.image.name");
	}

	static Path baseImageTar() {
		return Path.of(required("stackgate.base.image"));
	}

	static String revision() {
		return required("stackgate.revision");
	}

	/** True when the CLI module exists, so the package must carry it. */
	static boolean hasCli() {
		return Files.exists(repo().resolve("stackgate-cli/pom.xml"));
	}

	static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String required(String name) {
		String value = System.getProperty(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("system property " + name + " is not set: run through ./mvnw verify -Pit");
		}
		return value;
	}

}
