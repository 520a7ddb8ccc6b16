package io.stackgate.server.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the README's curl examples true: runs each one, in order, with curl against a gateway on the real cloud,
 * and checks the status and that the answer has the shape of the example answer (the same fields, recursively,
 * with values of the same JSON types). The answers of this run are written to
 * {@code target/readme-examples.md}, to refresh the README from.
 */
class ReadmeExamplesIT {

	private static final Path README = Path.of("../README.md");

	/**
	 * An example: a comment giving the expected status, a shell block with the command, a JSON block with an
	 * answer.
	 */
	private static final Pattern EXAMPLE = Pattern.compile(
			"<!-- example: (\\d{3}) -->\\s*```sh\\n(.*?)```\\s*```json\\n(.*?)```", Pattern.DOTALL);

	private static RealCloud cloud;

	private static Gateway gateway;

	private final List<String> createdServers = new ArrayList<>();

	@BeforeAll
	static void start() throws Exception {
		cloud = RealCloud.fromEnvironment();
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
		int count = 0;
		try {
			while (examples.find()) {
				count++;
				int status = Integer.parseInt(examples.group(1));
				String command = examples.group(2).strip();
				Answer answer = run(command, env);
				refreshed.append("<!-- example: ").append(answer.status()).append(" -->\n```sh\n").append(command)
					.append("\n```\n```json\n").append(answer.body()).append("\n```\n\n");
				assertThat(answer.status()).as("status of:\n%s\n%s", command, answer.body()).isEqualTo(status);
				JsonNode actual = Gateway.JSON.readTree(answer.body());
				assertSameShape(Gateway.JSON.readTree(examples.group(3)), actual, "$", command);
				remember(actual, env);
			}
		}
		finally {
			Files.writeString(Path.of("target/readme-examples.md"), refreshed);
			for (String id : this.createdServers) {
				cloud.deleteServer(id);
			}
		}
		assertThat(count).as("examples found in the README").isGreaterThanOrEqualTo(8);
	}

	/** Later examples refer to what earlier ones created: {@code $SERVER_ID} is the last server launched. */
	private void remember(JsonNode answer, Map<String, String> env) {
		JsonNode server = answer.isArray() ? answer.path(0) : answer;
		if (server.has("status") && server.has("addresses") && answer.isArray()) {
			String id = server.path("id").asString();
			env.put("SERVER_ID", id);
			this.createdServers.add(id);
		}
		if (answer.has("token")) {
			env.put("TOKEN", answer.path("token").asString());
		}
	}

	private static Answer run(String command, Map<String, String> env) throws IOException, InterruptedException {
		String local = command.replace("http://localhost:8080", gateway.baseUrl());
		ProcessBuilder process = new ProcessBuilder("bash", "-c", local + " -w '\\n%{http_code}'");
		process.environment().putAll(env);
		process.redirectErrorStream(true);
		Process curl = process.start();
		String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
		curl.waitFor();
		int newline = output.lastIndexOf('\n');
		return new Answer(Integer.parseInt(output.substring(newline + 1).strip()),
				pretty(output.substring(0, newline)));
	}

	private static String pretty(String json) {
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
	}

}
