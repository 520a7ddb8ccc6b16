package io.stackgate.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to completion and keeps its exit status and output. */
final class Sh {

	/** The outcome of one command. */
	record Result(List<String> command, int exit, String out, String err) {

		/** Both streams, for assertion messages. */
		String describe() {
			return "$ " + String.join(" ", command) + "\nexit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n"
					+ err;
		}

		Result ok() {
			if (exit != 0) {
				throw new AssertionError("command failed:\n" + describe());
			}
			return this;
		}

	}

	private Sh() {
	}

	static Result run(String... command) {
		return run(List.of(command), Map.of(), Duration.ofMinutes(10));
	}

	static Result run(List<String> command, Map<String, String> env, Duration timeout) {
		try {
			Path out = Files.createTempFile("sh-out", ".txt");
			Path err = Files.createTempFile("sh-err", ".txt");
			try {
				ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile())
					.redirectError(err.toFile())
					.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
				pb.environment().putAll(env);
				Process p = pb.start();
				if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
					p.destroyForcibly();
					throw new AssertionError("timed out after " + timeout + ": " + String.join(" ", command));
				}
				return new Result(command, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
						Files.readString(err, StandardCharsets.UTF_8));
			}
			finally {
				Files.deleteIfExists(out);
				Files.deleteIfExists(err);
			}
		}
		catch (IOException ex) {
			throw new AssertionError("cannot run " + command + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	static boolean onPath(String tool) {
		return run("sh", "-c", "command -v " + tool).exit() == 0;
	}

}
