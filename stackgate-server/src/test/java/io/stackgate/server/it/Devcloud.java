package io.stackgate.server.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The devcloud's own scripts ({@code devcloud/stop}, {@code start}, {@code up}), for the
 * integration tests that change the cloud they run against and put it back.
 */
final class Devcloud {

	private Devcloud() {
	}

	/**
	 * Runs {@code devcloud/COMMAND ARGS…} and fails unless it ends with 0 within 5
	 * minutes. Its output goes through {@code System.out}: a child writing to the forked
	 * JVM's own stdout corrupts Failsafe's channel.
	 */
	static void run(String command, String... args) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>(List.of("../devcloud/" + command));
		line.addAll(List.of(args));
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			output.lines().forEach(System.out::println);
		}
		assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("%s finished", line).isTrue();
		assertThat(process.exitValue()).as("%s", line).isZero();
	}

}
