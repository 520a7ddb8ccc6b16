package io.stackgate.server.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.stackgate.itsupport.LaunchTarget;
import io.stackgate.itsupport.RealCloud;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the README's curl examples true: runs each one, in order, with curl against a
 * gateway on the real cloud, and checks the status and that the answer has the shape of
 * the example answer (the same fields, recursively, with values of the same JSON types).
 * The answers of this run are written to {@code target/readme-examples.md}, to refresh
 * the README from. The examples name devcloud's user, flavor, image and network; on any
 * cloud the commands are run with the cloud's user and what {@link LaunchTarget} found
 * instead, and the server they launch gets this run's prefix.
 */
class ReadmeExamplesIT {

	private static final Path README = Path.of("../README.md");

	/**
	 * An example: a comment giving the expected status, a shell block with the command,
	 * and a JSON block with an answer unless the answer has no body.
	 */
	private static final Pattern EXAMPLE = Pattern
		.compile("<!-- example: (\\d{3}) -->\\s*```sh\\n(.*?)```(?:\\s*```json\\n(.*?)```)?", Pattern.DOTALL);

	private static final String PREFIX = "it-readme-" + UUID.randomUUID().toString().substring(0, 6) + "-";

	private static RealCloud cloud;

	private static Gateway gateway;

	/** What the README's commands say on devcloud, and what this run says instead. */
	private static final Map<String, String> substitutions = new LinkedHashMap<>();

	private final List<String> createdServers = new ArrayList<>();

	@BeforeAll
	static void start() throws Exception {
		cloud = RealCloud.fromEnvironment();
		LaunchTarget target = LaunchTarget.discover(cloud);
		substitutions.put("\"username\": \"demo\", \"password\": \"demo\", \"project\": \"demo\"",
				"\"username\": \"%s\", \"password\": \"%s\", \"project\": \"%s\", \"domain\": \"%s\""
					.formatted(cloud.username(), cloud.password(), cloud.projectName(), cloud.userDomainName()));
		substitutions.put("\"name\": \"web\"", "\"name\": \"" + PREFIX + "web\"");
		substitutions.put("\"flavor\": \"m1.nano\"", "\"flavor\": \"" + target.flavor().name() + "\"");
		substitutions.put("\"image\": \"cirros-fake-raw\"", "\"image\": \"" + target.image().name() + "\"");
		substitutions.put("\"networks\": [\"private\"]", "\"networks\": [\"" + target.network().name() + "\"]");
		gateway = Gateway.start();
	}

	@AfterAll
	static void stop() {
		if (gateway != null) {
			gateway.close();
		}
	}

	@Test
	void everyCurlExampleWorksAndAnswersWhatTheReadmeShows() throws Exception {
		Matcher examples = EXAMPLE.matcher(Files.readString(README));
		Map<String, String> env = new HashMap<>();
		StringBuilder refreshed = new StringBuilder();
		List<String> failures = new ArrayList<>();
		int count = 0;
		try {
			while (examples.find()) {
				count++;
				String command = examples.group(2).strip();
				Answer answer = run(command, env);
				refreshed.append(answer.asExample(command));
				try {
					check(Integer.parseInt(examples.group(1)), examples.group(3), command, answer, env);
				}
				catch (AssertionError ex) {
					failures.add(ex.getMessage());
				}
			}
		}
		finally {
			Files.writeString(Path.of("target/readme-examples.md"), refreshed);
			for (String id : this.createdServers) {
				cloud.servers().delete(id);
			}
		}
		assertThat(count).as("examples found in the README").isGreaterThanOrEqualTo(8);
		assertThat(failures)
			.as("README examples that do not hold; the answers of this run are in "
					+ "stackgate-server/target/readme-examples.md (bin/update-readme-examples copies them)")
			.isEmpty();
	}

	private void check(int status, String example, String command, Answer answer, Map<String, String> env) {
		assertThat(answer.status()).as("status of:\n%s\n%s", command, answer.body()).isEqualTo(status);
		if (example == null) {
			assertThat(answer.body()).as("answer to %s", command).isEmpty();
			return;
		}
		JsonNode actual = Gateway.JSON.readTree(answer.body());
		assertSameShape(Gateway.JSON.readTree(example), actual, "$", command);
		if (command.contains("-X POST") && status < 300) {
			remember(actual, env);
		}
	}

	/**
	 * Later examples refer to what earlier ones made: {@code $SERVER_ID} is the last
	 * server launched, {@code $TOKEN} the last token issued.
	 */
	private void remember(JsonNode answer, Map<String, String> env) {
		if (answer.isArray()) {
			answer.forEach((server) -> this.createdServers.add(server.path("id").asString()));
			env.put("SERVER_ID", answer.path(0).path("id").asString());
		}
		if (answer.has("token")) {
			env.put("TOKEN", answer.path("token").asString());
		}
	}

	private static Answer run(String command, Map<String, String> env) throws IOException, InterruptedException {
		String local = command.replace("http://localhost:8080", gateway.baseUrl());
		for (Map.Entry<String, String> substitution : substitutions.entrySet()) {
			local = local.replace(substitution.getKey(), substitution.getValue());
		}
		ProcessBuilder process = new ProcessBuilder("bash", "-c", local + " -w '\\n%{http_code}'");
		process.environment().putAll(env);
		process.redirectErrorStream(true);
		Process curl = process.start();
		String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		curl.waitFor();
		// The status is the last line; an answer without a body is that line alone.
		int newline = output.lastIndexOf('\n');
		return new Answer(Integer.parseInt(output.substring(newline + 1).strip()),
				(newline < 0) ? "" : pretty(output.substring(0, newline)));
	}

	private static String pretty(String json) {
		if (json.isBlank()) {
			return "";
		}
		return Gateway.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Gateway.JSON.readTree(json));
	}

	private static void assertSameShape(JsonNode expected, JsonNode actual, String path, String command) {
		if (expected.isNull() || actual.isNull()) {
			return;
		}
		assertThat(actual.getNodeType()).as("type of %s in the answer to %s", path, command)
			.isEqualTo(expected.getNodeType());
		if (expected.isObject()) {
			assertThat(new TreeSet<>(actual.propertyNames())).as("fields of %s in the answer to %s", path, command)
				.isEqualTo(new TreeSet<>(expected.propertyNames()));
			for (String field : expected.propertyNames()) {
				assertSameShape(expected.get(field), actual.get(field), path + "." + field, command);
			}
		}
		else if (expected.isArray() && !expected.isEmpty() && !actual.isEmpty()) {
			Iterator<JsonNode> elements = actual.iterator();
			while (elements.hasNext()) {
				assertSameShape(expected.get(0), elements.next(), path + "[]", command);
			}
		}
	}

	private record Answer(int status, String body) {

		/**
		 * The answer as the README shows it: tokens cut short, as they are no one's
		 * business.
		 */
		String asExample(String command) {
			String shown = this.body.replaceAll("(\"token\" : \"[^\"]{12})[^\"]*\"", "$1...\"");
			String json = shown.isEmpty() ? "" : "```json\n" + shown + "\n```\n";
			return "<!-- example: " + this.status + " -->\n```sh\n" + command + "\n```\n" + json + "\n";
		}

	}

}
