package io.stackgate.cli.support;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stackgate.cli.StackgateCli;
import io.stackgate.cli.command.CliContext;
import io.stackgate.cli.command.Prompter;

/**
 * Runs {@code stackgate} in-process, as {@code CommandLine.execute} does, with captured
 * stdout and stderr, a given environment, config directory, stdin, terminal and a fake
 * clock that the poll sleeps advance.
 */
public final class CliRun {

	private final Map<String, String> env = new HashMap<>();

	private final Path configDir;

	private String stdin = "";

	private boolean terminal;

	private Prompter prompter = new ScriptedPrompter(false, List.of(), null);

	private Instant now = Instant.parse("2025-06-01T10:00:00Z");

	public CliRun(Path configDir) {
		this.configDir = configDir;
	}

	public CliRun env(String name, String value) {
		this.env.put(name, value);
		return this;
	}

	public CliRun stdin(String stdin) {
		this.stdin = stdin;
		return this;
	}

	public CliRun terminal(boolean terminal) {
		this.terminal = terminal;
		return this;
	}

	public CliRun prompter(Prompter prompter) {
		this.prompter = prompter;
		return this;
	}

	public CliRun now(Instant now) {
		this.now = now;
		return this;
	}

	/**
	 * A context like {@link #run}'s, output discarded, for tests that need the command
	 * model.
	 */
	public CliContext context() {
		PrintWriter discard = new PrintWriter(java.io.Writer.nullWriter());
		return new CliContext(Map.copyOf(this.env), this.configDir, new ByteArrayInputStream(new byte[0]), discard,
				discard, this.prompter, this.terminal, Clock.systemUTC(), (duration) -> {
				}, Duration.ofSeconds(2));
	}

	public Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		Instant[] clockTime = { this.now };
		Clock clock = new Clock() {

			@Override
			public ZoneOffset getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return clockTime[0];
			}

		};
		List<Duration> sleeps = new ArrayList<>();
		CliContext context = new CliContext(Map.copyOf(this.env), this.configDir,
				new ByteArrayInputStream(this.stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
				new PrintWriter(err), this.prompter, this.terminal, clock, (duration) -> {
					sleeps.add(duration);
					clockTime[0] = clockTime[0].plus(duration);
				}, Duration.ofSeconds(2));
		int exitCode = StackgateCli.run(context, args);
		return new Result(exitCode, out.toString(), err.toString(), sleeps);
	}

	/**
	 * What a run printed and returned.
	 *
	 * @param exitCode the exit code
	 * @param out stdout
	 * @param err stderr
	 * @param sleeps every wait between polls
	 */
	public record Result(int exitCode, String out, String err, List<Duration> sleeps) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- stdout\n" + this.out + "--- stderr\n" + this.err;
		}

	}

	/** Answers prompts from a script. */
	public record ScriptedPrompter(boolean available, List<String> lines, String password) implements Prompter {

		@Override
		public String readLine(String prompt) {
			return this.lines.isEmpty() ? null : this.lines.remove(0);
		}

		@Override
		public char[] readPassword(String prompt) {
			return (this.password != null) ? this.password.toCharArray() : null;
		}

	}

}
