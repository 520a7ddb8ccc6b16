package io.stackgate.cli.command;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Everything a command takes from its process: environment, config directory, streams,
 * terminal, clock. Tests build their own; {@link #system()} is the real one.
 *
 * @param env the environment variables
 * @param configDir where the login is stored ({@code ~/.config/stackgate})
 * @param stdin standard input (for {@code --password-stdin})
 * @param out standard output: the command's result
 * @param err standard error: errors and progress
 * @param prompter asks on the terminal
 * @param terminal whether stderr is a terminal, so that progress may redraw a line
 * @param clock the clock, for token expiry and elapsed times
 * @param sleeper waits between polls
 * @param pollInterval how often {@code --wait} asks the gateway
 */
public record CliContext(Map<String, String> env, Path configDir, InputStream stdin, PrintWriter out, PrintWriter err,
		Prompter prompter, boolean terminal, Clock clock, Sleeper sleeper, Duration pollInterval) {

	/**
	 * The context of this process. stderr counts as a terminal when the launcher says so
	 * ({@code -Dstackgate.stderr.tty=true}) or, without a launcher, when there is a
	 * console.
	 * @return the context
	 */
	public static CliContext system() {
		Map<String, String> env = System.getenv();
		String tty = System.getProperty("stackgate.stderr.tty");
		boolean terminal = (tty != null && !tty.isEmpty()) ? Boolean.parseBoolean(tty) : System.console() != null;
		PrintWriter out = new PrintWriter(
				new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), false);
		PrintWriter err = new PrintWriter(
				new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
		return new CliContext(env, configDir(env), System.in, out, err, Prompter.console(), terminal, Clock.systemUTC(),
				(duration) -> Thread.sleep(duration.toMillis()), Duration.ofSeconds(2));
	}

	/**
	 * The config directory: {@code STACKGATE_CONFIG_DIR}, else
	 * {@code $XDG_CONFIG_HOME/stackgate}, else {@code ~/.config/stackgate}.
	 * @param env the environment
	 * @return the directory, which may not exist yet
	 */
	static Path configDir(Map<String, String> env) {
		String explicit = env.get("STACKGATE_CONFIG_DIR");
		if (explicit != null && !explicit.isBlank()) {
			return Path.of(explicit);
		}
		String xdg = env.get("XDG_CONFIG_HOME");
		Path base = (xdg != null && !xdg.isBlank()) ? Path.of(xdg)
				: Path.of(System.getProperty("user.home"), ".config");
		return base.resolve("stackgate");
	}

	/** Waits, in production with {@link Thread#sleep(long)}. */
	@FunctionalInterface
	public interface Sleeper {

		/**
		 * Waits.
		 * @param duration how long
		 * @throws InterruptedException when interrupted
		 */
		void sleep(Duration duration) throws InterruptedException;

	}

}
