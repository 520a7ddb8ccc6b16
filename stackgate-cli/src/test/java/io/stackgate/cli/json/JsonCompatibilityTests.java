package io.stackgate.cli.json;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.stackgate.api.AddressDto;
import io.stackgate.api.CreateServerRequest;
import io.stackgate.api.FlavorDto;
import io.stackgate.api.ImageDto;
import io.stackgate.api.LaunchOptionsDto;
import io.stackgate.api.NetworkDto;
import io.stackgate.api.ProblemDto;
import io.stackgate.api.ResourceRefDto;
import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.api.SubnetDto;
import io.stackgate.api.TokenDto;
import io.stackgate.api.TokenRequestDto;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CLI's JSON codec against Jackson 3 configured like the gateway (snake_case):
 * whatever one writes, the other reads back equal.
 */
class JsonCompatibilityTests {

	private static final JsonMapper JACKSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final ServerDto SERVER = new ServerDto("3f0c8a52", "vm \"1\" ü", ServerStatus.ACTIVE,
			List.of(new AddressDto("private", "10.0.0.5", 4, AddressDto.Type.FIXED),
					new AddressDto("public", "172.24.4.9", 4, AddressDto.Type.FLOATING)),
			new ResourceRefDto("42", "m1.nano"), null, Instant.parse("2025-06-01T09:58:00.123456Z"), "line1\nline2\t\\",
			Map.of("role", "web", "stackgate:idempotency-key", "k"));

	private static final LaunchOptionsDto OPTIONS = new LaunchOptionsDto(
			List.of(new FlavorDto("1", "m1.tiny", 1, 512, 1)),
			List.of(new ImageDto("i", "cirros", "active", 12_345_678_901L, 1, 64),
					new ImageDto("j", "empty", "queued", null, 0, 0)),
			List.of(new NetworkDto("n", "private", "ACTIVE", false, true,
					List.of(new SubnetDto("s", "sub", "10.0.0.0/24", 4)))));

	@Test
	void readsWhatTheGatewayWrites() {
		assertThat(Json.read(JACKSON.writeValueAsString(SERVER), ServerDto.class)).isEqualTo(SERVER);
		assertThat(Json.read(JACKSON.writeValueAsString(OPTIONS), LaunchOptionsDto.class)).isEqualTo(OPTIONS);
		TokenDto token = new TokenDto("gAAAA", Instant.parse("2025-06-01T11:00:00Z"), "demo", "demo");
		assertThat(Json.read(JACKSON.writeValueAsString(token), TokenDto.class)).isEqualTo(token);
		ProblemDto problem = new ProblemDto("https://stackgate.dev/problems/invalid-request", "Invalid", 422, "d",
				"/api/v1/servers", "req", "compute", 400, "req-nova",
				List.of(new ProblemDto.FieldErrorDto("networks[0]", "must not be blank")), List.of("n-1", "n-2"), 3L);
		assertThat(Json.read(JACKSON.writeValueAsString(problem), ProblemDto.class)).isEqualTo(problem);
		assertThat(Json.readList(JACKSON.writeValueAsString(List.of(SERVER, SERVER)), ServerDto.class))
			.containsExactly(SERVER, SERVER);
	}

	@Test
	void writesWhatTheGatewayReads() {
		CreateServerRequest request = new CreateServerRequest("vm1", "m1.nano", "cirros", List.of("private"), "key",
				List.of("default"), "#cloud-config\n", null, Map.of("role", "web"), 2);
		assertThat(JACKSON.readValue(Json.write(request), CreateServerRequest.class)).isEqualTo(request);
		assertThat(Json.write(request)).doesNotContain("availability_zone").contains("\"key_name\":\"key\"");
		TokenRequestDto login = new TokenRequestDto("demo", "pä\"ss", "demo", "Default");
		assertThat(JACKSON.readValue(Json.write(login), TokenRequestDto.class)).isEqualTo(login);
		assertThat(JACKSON.readValue(Json.writePretty(SERVER), ServerDto.class)).isEqualTo(SERVER);
	}

	@Test
	void ignoresUnknownPropertiesAndMapsUnknownValues() {
		ServerDto server = Json.read("""
				{"id":"x","status":"SHELVING_IMAGE_UPLOADING","extra":{"nested":[1,2.5,true,null]},
				 "addresses":[{"network":"n","ip":"1.2.3.4","version":4,"type":"something-new"}]}""", ServerDto.class);
		assertThat(server.status()).isEqualTo(ServerStatus.UNKNOWN);
		assertThat(server.addresses().get(0).type()).isNull();
		assertThat(server.name()).isNull();
		assertThat(server.created()).isNull();
	}

	@Test
	void readsInstantsWithOffsetsAndEpochSeconds() {
		assertThat(Json.read("{\"expires_at\":\"2025-06-01T13:00:00+02:00\"}", TokenDto.class).expiresAt())
			.isEqualTo(Instant.parse("2025-06-01T11:00:00Z"));
		assertThat(Json.read("{\"expires_at\":1748775600.5}", TokenDto.class).expiresAt())
			.isEqualTo(Instant.parse("2025-06-01T11:00:00.5Z"));
	}

	@Test
	void refusesNumbersOutsideTheTypesRangeInsteadOfWrappingThem() {
		assertThatThrownBy(() -> Json.read("{\"ram\":1e20}", FlavorDto.class))
			.hasMessage("ram: expected int but found '1E+20'");
		assertThatThrownBy(() -> Json.read("{\"vcpus\":2147483648}", FlavorDto.class))
			.hasMessage("vcpus: expected int but found '2147483648'");
		assertThatThrownBy(() -> Json.read("{\"size\":9223372036854775808}", ImageDto.class))
			.hasMessage("size: expected long but found '9223372036854775808'");
		assertThat(Json.read("{\"ram\":-2147483648,\"disk\":1.0}", FlavorDto.class))
			.isEqualTo(new FlavorDto(null, null, 0, Integer.MIN_VALUE, 1));
		for (String seconds : new String[] { "1e20", "-1e999", "1e999999" }) {
			assertThatThrownBy(() -> Json.read("{\"expires_at\":" + seconds + "}", TokenDto.class))
				.isInstanceOf(JsonException.class)
				.hasMessageStartingWith("expires_at: expected instant but found ");
		}
	}

	@Test
	void parsesEscapesAndSurrogatePairs() {
		Object tree = Json.read("{\"s\":\"a\\u00e9\\ud83d\\ude00\\n\\/\"}", Object.class);
		assertThat(tree).isEqualTo(Map.of("s", "aé😀\n/"));
		assertThat(Json.write(tree)).isEqualTo("{\"s\":\"aé😀\\n/\"}");
	}

	@Test
	void rejectsMalformedJsonWithAPosition() {
		assertThatThrownBy(() -> Json.read("{\"a\":1,}", Object.class)).isInstanceOf(JsonException.class)
			.hasMessage("expected a property name at offset 7");
		assertThatThrownBy(() -> Json.read("[1 2]", Object.class)).hasMessageContaining("expected ',' or ']'");
		assertThatThrownBy(() -> Json.read("tru", Object.class)).hasMessageContaining("unexpected token");
		assertThatThrownBy(() -> Json.read("{} x", Object.class)).hasMessageContaining("unexpected text after");
		assertThatThrownBy(() -> Json.readList("{}", ServerDto.class)).hasMessage("expected a JSON array");
		assertThatThrownBy(() -> Json.read("{\"ram\":\"lots\"}", FlavorDto.class))
			.hasMessage("ram: expected int but found 'lots'");
	}

}
