package io.stackgate.server.servers.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.stackgate.api.CreateServerRequest;
import io.stackgate.server.problem.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The limits docs/openapi.json states for a launch are the ones the validator enforces: a
 * value at the limit passes, one past it is refused, naming the field.
 */
class DocumentedLaunchLimitsTests {

	private static final int MAX_COUNT = 10;

	private static JsonNode field(String name) throws Exception {
		JsonNode document = JsonMapper.builder().build().readTree(Files.readString(Path.of("../docs/openapi.json")));
		return document.path("components").path("schemas").path("CreateServerRequest").path("properties").path(name);
	}

	private static CreateServerRequest request(String name, String userData, Integer count) {
		return new CreateServerRequest(name, "m1.nano", "cirros", List.of("private"), null, null, userData, null,
				Map.of(), count);
	}

	private static void assertLimit(String field, int limit, IntFunction<CreateServerRequest> withValue) {
		assertThatNoException().isThrownBy(() -> LaunchRequestValidator.validate(withValue.apply(limit), MAX_COUNT));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> LaunchRequestValidator.validate(withValue.apply(limit + 1), MAX_COUNT))
			.satisfies((ex) -> ex.errors()
				.forEach((error) -> org.assertj.core.api.Assertions.assertThat(error.field()).isEqualTo(field)));
	}

	@Test
	void nameLength() throws Exception {
		assertLimit("name", field("name").path("maxLength").asInt(), (n) -> request("a".repeat(n), null, null));
	}

	@Test
	void userDataLength() throws Exception {
		assertLimit("user_data", field("user_data").path("maxLength").asInt(),
				(n) -> request("web", "a".repeat(n), null));
	}

	@Test
	void countRange() throws Exception {
		assertLimit("count", field("count").path("maximum").asInt(), (n) -> request("web", null, n));
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> LaunchRequestValidator
			.validate(request("web", null, field("count").path("minimum").asInt() - 1), MAX_COUNT));
	}

}
