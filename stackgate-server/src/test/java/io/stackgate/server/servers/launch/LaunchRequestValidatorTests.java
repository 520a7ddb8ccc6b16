package io.stackgate.server.servers.launch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.stackgate.api.CreateServerRequest;
import io.stackgate.api.ProblemDto.FieldErrorDto;
import io.stackgate.server.problem.InvalidRequestException;
import io.stackgate.server.problem.UnworkableRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class LaunchRequestValidatorTests {

	private static final int MAX_COUNT = 5;

	/**
	 * The most bytes whose base64 encoding fits Nova's 65535 characters: 4 * 16383 =
	 * 65532.
	 */
	private static final int MOST_USER_DATA_BYTES = 49149;

	private static final CreateServerRequest VALID = new CreateServerRequest("web", "m1.small", "cirros",
			List.of("private"), "my-key", List.of("default"), "#cloud-config\n", "nova", Map.of("role", "web"), 2);

	@Test
	void acceptsAFullRequest() {
		assertThatNoException().isThrownBy(() -> LaunchRequestValidator.validate(VALID, MAX_COUNT));
	}

	@Test
	void acceptsAMinimalRequest() {
		CreateServerRequest minimal = new CreateServerRequest("web", "m1.small", "cirros", List.of("private"), null,
				null, null, null, null, null);

		assertThatNoException().isThrownBy(() -> LaunchRequestValidator.validate(minimal, MAX_COUNT));
	}

	@Test
	void acceptsTheLargestUserDataNovaTakes() {
		assertThatNoException().isThrownBy(() -> LaunchRequestValidator
			.validate(with(VALID, userData("x".repeat(MOST_USER_DATA_BYTES))), MAX_COUNT));
	}

	@Test
	void acceptsNamesWhoseLastServerNameHasExactly255CharactersWithTheLargestCount() {
		CreateServerRequest request = with(VALID,
				(r) -> new CreateServerRequest("n".repeat(253), r.flavor(), r.image(), r.networks(), r.keyName(),
						r.securityGroups(), r.userData(), r.availabilityZone(),
						Map.of("k".repeat(255), "v".repeat(255)), MAX_COUNT));

		assertThatNoException().isThrownBy(() -> LaunchRequestValidator.validate(request, MAX_COUNT));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidRequests")
	void rejectsAnInvalidFieldAsABadRequestNamingIt(String description, CreateServerRequest request, String field,
			String message) {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> LaunchRequestValidator.validate(request, MAX_COUNT))
			.satisfies((ex) -> {
				assertThat(ex).isNotInstanceOf(UnworkableRequestException.class);
				assertThat(ex.errors()).containsExactly(new FieldErrorDto(field, message));
				assertThat(ex.getMessage()).isEqualTo(field + ": " + message);
			});
	}

	static Stream<Arguments> invalidRequests() {
		return Stream.of(arguments("missing name", with(VALID, name(null)), "name", "is required"),
				arguments("blank name", with(VALID, name("   ")), "name", "must not be blank"),
				arguments("empty name", with(VALID, name("")), "name", "must not be blank"),
				arguments("name with leading whitespace", with(VALID, name(" web")), "name",
						"must not start or end with whitespace"),
				arguments("name with trailing newline", with(VALID, name("web\n")), "name",
						"must not start or end with whitespace"),
				arguments("name of 256 characters", with(VALID, name("n".repeat(256))), "name",
						"must be at most 255 characters"),
				arguments("missing flavor", with(VALID, flavor(null)), "flavor", "is required"),
				arguments("blank flavor", with(VALID, flavor("\t")), "flavor", "must not be blank"),
				arguments("missing image", with(VALID, image(null)), "image", "is required"),
				arguments("blank image", with(VALID, image(" ")), "image", "must not be blank"),
				arguments("missing networks", with(VALID, networks(null)), "networks",
						"at least one network id or name is required"),
				arguments("empty networks", with(VALID, networks(List.of())), "networks",
						"at least one network id or name is required"),
				arguments("blank network entry", with(VALID, networks(List.of("private", " "))), "networks[1]",
						"must not be blank"),
				arguments("null network entry", with(VALID, networks(nullInList("private"))), "networks[1]",
						"is required"),
				arguments("blank key_name", with(VALID, keyName("")), "key_name", "must not be blank"),
				arguments("blank security group", with(VALID, securityGroups(List.of(""))), "security_groups[0]",
						"must not be blank"),
				arguments("availability_zone with trailing space", with(VALID, availabilityZone("nova ")),
						"availability_zone", "must not start or end with whitespace"),
				arguments("user_data one byte over Nova's limit once encoded",
						with(VALID, userData("x".repeat(MOST_USER_DATA_BYTES + 1))), "user_data",
						"is 49150 bytes; Nova accepts at most 65535 bytes once base64-encoded, about 48 KiB of text"),
				arguments("user_data counted in UTF-8 bytes, not characters",
						with(VALID, userData("é".repeat((MOST_USER_DATA_BYTES + 1) / 2))), "user_data",
						"is 49150 bytes; Nova accepts at most 65535 bytes once base64-encoded, about 48 KiB of text"),
				arguments("count 0", with(VALID, count(0)), "count", "must be between 1 and 5"),
				arguments("negative count", with(VALID, count(-1)), "count", "must be between 1 and 5"),
				arguments("count over the maximum", with(VALID, count(MAX_COUNT + 1)), "count",
						"must be between 1 and 5"),
				arguments("reserved metadata key", with(VALID, metadata(Map.of("stackgate:idempotency-key", "x"))),
						"metadata.stackgate:idempotency-key",
						"keys starting with 'stackgate:' are reserved for the gateway"),
				arguments("empty metadata key", with(VALID, metadata(Map.of("", "x"))), "metadata.",
						"keys must be 1 to 255 characters"),
				arguments("metadata key of 256 characters", with(VALID, metadata(Map.of("k".repeat(256), "x"))),
						"metadata." + "k".repeat(256), "keys must be 1 to 255 characters"),
				arguments("metadata value of 256 characters", with(VALID, metadata(Map.of("role", "v".repeat(256)))),
						"metadata.role", "values must be strings of at most 255 printable characters"),
				arguments("null metadata value", with(VALID, metadata(nullValue("role"))), "metadata.role",
						"values must be strings of at most 255 printable characters"),
				arguments("name that the count suffix takes past 255",
						with(with(VALID, name("n".repeat(254))), count(MAX_COUNT)), "name",
						"must be at most 253 characters with count 5: the servers are named name-1 to name-5"),
				arguments("single server name of 255", with(with(VALID, name("n".repeat(256))), count(1)), "name",
						"must be at most 255 characters"),
				arguments("name with a control character", with(VALID, name("web\u0007")), "name",
						"must not contain control, format or unassigned characters"),
				arguments("name with a lone surrogate", with(VALID, name("web\ud800")), "name",
						"must not contain control, format or unassigned characters"),
				arguments("name with a right-to-left override", with(VALID, name("\u202eweb")), "name",
						"must not contain control, format or unassigned characters"),
				arguments("metadata key Nova refuses", with(VALID, metadata(Map.of("role/x", "v"))), "metadata.role/x",
						"keys may only have letters, digits, spaces and - _ : ."),
				arguments("metadata value with a control character", with(VALID, metadata(Map.of("role", "a\u0000"))),
						"metadata.role", "values must be strings of at most 255 printable characters"));
	}

	@Test
	void reportsEveryInvalidFieldTogetherInTheOrderOfTheRequest() {
		CreateServerRequest request = new CreateServerRequest(" web", null, "", List.of(), null, null,
				"x".repeat(MOST_USER_DATA_BYTES + 1), null, Map.of("stackgate:request-digest", "v".repeat(256)), 0);

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> LaunchRequestValidator.validate(request, MAX_COUNT))
			.satisfies((ex) -> {
				assertThat(ex).isNotInstanceOf(UnworkableRequestException.class);
				assertThat(ex.errors()).extracting(FieldErrorDto::field)
					.containsExactly("name", "flavor", "image", "networks", "user_data",
							"metadata.stackgate:request-digest", "metadata.stackgate:request-digest", "count");
				assertThat(ex.getMessage()).startsWith(
						"name: must not start or end with whitespace; flavor: is required; image: must not be blank; ");
			});
	}

	private static CreateServerRequest with(CreateServerRequest request, UnaryOperator<CreateServerRequest> change) {
		return change.apply(request);
	}

	private static UnaryOperator<CreateServerRequest> name(String name) {
		return (r) -> new CreateServerRequest(name, r.flavor(), r.image(), r.networks(), r.keyName(),
				r.securityGroups(), r.userData(), r.availabilityZone(), r.metadata(), r.count());
	}

	private static UnaryOperator<CreateServerRequest> flavor(String flavor) {
		return (r) -> new CreateServerRequest(r.name(), flavor, r.image(), r.networks(), r.keyName(),
				r.securityGroups(), r.userData(), r.availabilityZone(), r.metadata(), r.count());
	}

	private static UnaryOperator<CreateServerRequest> image(String image) {
		return (r) -> new CreateServerRequest(r.name(), r.flavor(), image, r.networks(), r.keyName(),
				r.securityGroups(), r.userData(), r.availabilityZone(), r.metadata(), r.count());
	}

	private static UnaryOperator<CreateServerRequest> networks(List<String> networks) {
		return (r) -> new CreateServerRequest(r.name(), r.flavor(), r.image(), networks, r.keyName(),
				r.securityGroups(), r.userData(), r.availabilityZone(), r.metadata(), r.count());
	}

	private static UnaryOperator<CreateServerRequest> keyName(String keyName) {
		return (r) -> new CreateServerRequest(r.name(), r.flavor(), r.image(), r.networks(), keyName,
				r.securityGroups(), r.userData(), r.availabilityZone(), r.metadata(), r.count());
	}

	private static UnaryOperator<CreateServerRequest> securityGroups(List<String> securityGroups) {
		return (r) -> new CreateServerRequest(r.name(), r.flavor(), r.image(), r.networks(), r.keyName(),
				securityGroups, r.userData(), r.availabilityZone(), r.metadata(), r.count());
	}

	private static UnaryOperator<CreateServerRequest> userData(String userData) {
		return (r) -> new CreateServerRequest(r.name(), r.flavor(), r.image(), r.networks(), r.keyName(),
				r.securityGroups(), userData, r.availabilityZone(), r.metadata(), r.count());
	}

	private static UnaryOperator<CreateServerRequest> availabilityZone(String availabilityZone) {
		return (r) -> new CreateServerRequest(r.name(), r.flavor(), r.image(), r.networks(), r.keyName(),
				r.securityGroups(), r.userData(), availabilityZone, r.metadata(), r.count());
	}

	private static UnaryOperator<CreateServerRequest> metadata(Map<String, String> metadata) {
		return (r) -> new CreateServerRequest(r.name(), r.flavor(), r.image(), r.networks(), r.keyName(),
				r.securityGroups(), r.userData(), r.availabilityZone(), metadata, r.count());
	}

	private static UnaryOperator<CreateServerRequest> count(Integer count) {
		return (r) -> new CreateServerRequest(r.name(), r.flavor(), r.image(), r.networks(), r.keyName(),
				r.securityGroups(), r.userData(), r.availabilityZone(), r.metadata(), count);
	}

	private static List<String> nullInList(String first) {
		List<String> values = new ArrayList<>();
		values.add(first);
		values.add(null);
		return values;
	}

	private static Map<String, String> nullValue(String key) {
		Map<String, String> metadata = new HashMap<>();
		metadata.put(key, null);
		return metadata;
	}

}
