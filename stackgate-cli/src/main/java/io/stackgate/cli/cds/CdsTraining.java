package io.stackgate.cli.cds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.stackgate.cli.StackgateCli;
import io.stackgate.cli.command.CliContext;
import io.stackgate.cli.command.Prompter;

/**
 * The training run for the CLI's class-data-sharing archive: {@code bin/stackgate} runs
 * it once with {@code -XX:ArchiveClassesAtExit} (JDK 17 has no
 * {@code -XX:+AutoCreateSharedArchive}), and every later run maps the classes it loaded
 * instead of loading, verifying and linking them again. It runs the real commands in
 * every format against a {@link CannedGateway}, output discarded.
 */
public final class CdsTraining {

	private static final List<List<String>> COMMANDS = List.of(List.of("--help"), List.of("server", "--help"),
			List.of("server", "create", "--help"), List.of("--version"),
			List.of("login", "-u", "demo", "-p", "demo", "--password-stdin"), List.of("server", "list"),
			List.of("server", "list", "-f", "json"), List.of("server", "list", "-f", "yaml"),
			List.of("server", "list", "-f", "value", "-c", "ID", "--all"),
			List.of("server", "show", CannedGateway.SERVER_ID), List.of("server", "show", "vm1", "-f", "json"),
			List.of("server", "show", "missing"),
			List.of("server", "create", "vm1", "--flavor", "m1.nano", "--image", "cirros-fake-raw", "--network",
					"private", "--wait"),
			List.of("server", "delete", "vm1", "--wait"), List.of("flavor", "list"), List.of("image", "list"),
			List.of("network", "list", "-f", "yaml"), List.of("launch-options"), List.of("server", "lst"),
			List.of("logout"));

	private CdsTraining() {
	}

	/**
	 * Runs the training commands.
	 * @param args ignored
	 * @throws IOException when the loopback server or the temporary config directory
	 * cannot be created
	 */
	public static void main(String[] args) throws IOException {
		// The real context's classes too (console prompter, stream writers); it is built,
		// not used.
		CliContext.system();
		Path configDir = Files.createTempDirectory("stackgate-cds");
		try (CannedGateway gateway = new CannedGateway()) {
			for (List<String> command : COMMANDS) {
				Stream<String> global = command.get(0).startsWith("-") ? Stream.of()
						: Stream.of("--url", gateway.url());
				String[] argv = Stream.concat(global, command.stream()).toArray(String[]::new);
				StackgateCli.run(context(configDir), argv);
			}
		}
		finally {
			try (Stream<Path> files = Files.walk(configDir)) {
				files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	private static CliContext context(Path configDir) {
		PrintWriter discard = new PrintWriter(Writer.nullWriter());
		return new CliContext(Map.of(), configDir, new ByteArrayInputStream("demo\n".getBytes(StandardCharsets.UTF_8)),
				discard, discard, new NoTerminal(), true, Clock.systemUTC(), (duration) -> Thread.sleep(1),
				Duration.ofMillis(5));
	}

	/** No terminal to prompt on. */
	private static final class NoTerminal implements Prompter {

		@Override
		public boolean available() {
			return false;
		}

		@Override
		public String readLine(String prompt) {
			return null;
		}

		@Override
		public char[] readPassword(String prompt) {
			return null;
		}

	}

}
