package io.stackgate.bench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/** Logging, checks and waiting, the same way in every benchmark. */
public final class Console {

	private Console() {
	}

	public static void log(String format, Object... args) {
		System.out.println(String.format(Locale.ROOT, format, args));
		System.out.flush();
	}

	/**
	 * @throws BenchFailure with the formatted message when {@code condition} is false
	 */
	public static void require(boolean condition, String format, Object... args) {
		if (!condition) {
			throw new BenchFailure(String.format(Locale.ROOT, format, args));
		}
	}

	public static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchFailure("interrupted", ex);
		}
	}

	/**
	 * @return the 1, 5 and 15 minute load averages ("n/a" when unknown): other work skews
	 * every figure
	 */
	public static String loadAverage() {
		try {
			return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).trim().split(" "), 3));
		}
		catch (IOException ex) {
			return "n/a";
		}
	}

	/** The first lines of a run: the machine and the gateway. */
	public static void logMachine(BenchOptions options, String more) {
		log("machine: %d CPUs, load average %s; bench client on Java %s", Runtime.getRuntime().availableProcessors(),
				loadAverage(), System.getProperty("java.version"));
		log("gateway %s%s%s", options.url(), (options.gatewayPid() > 0) ? " (pid " + options.gatewayPid() + ")" : "",
				more);
	}

}
