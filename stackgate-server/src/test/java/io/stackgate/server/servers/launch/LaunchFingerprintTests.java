package io.stackgate.server.servers.launch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.stackgate.api.CreateServerRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class LaunchFingerprintTests {

	private static final CreateServerRequest WEB = new CreateServerRequest("web", "m1.small", "cirros",
			List.of("private", "storage"), "my-key", List.of("default"), "#cloud-config\n", "nova",
			Map.of("role", "web", "tier", "front"), 2);

	@Test
	void theKeyDigestIsItsHexSha256() {
		assertThat(LaunchFingerprint.ofKey("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void anAbsentCountIsACountOfOne() {
		assertThat(LaunchFingerprint.ofRequest(ServerLauncherTests.with(WEB, null)))
			.isEqualTo(LaunchFingerprint.ofRequest(ServerLauncherTests.with(WEB, 1)));
	}

	@Test
	void theOrderOfMetadataDoesNotMatter() {
		Map<String, String> reversed = new LinkedHashMap<>();
		reversed.put("tier", "front");
		reversed.put("role", "web");
		CreateServerRequest request = new CreateServerRequest("web", "m1.small", "cirros",
				List.of("private", "storage"), "my-key", List.of("default"), "#cloud-config\n", "nova", reversed, 2);

		assertThat(LaunchFingerprint.ofRequest(request)).isEqualTo(LaunchFingerprint.ofRequest(WEB));
	}

	@Test
	void absentAndEmptyMetadataAreTheSame() {
		CreateServerRequest none = new CreateServerRequest("web", "f", "i", List.of("n"), null, null, null, null,
				null, null);
		CreateServerRequest empty = new CreateServerRequest("web", "f", "i", List.of("n"), null, null, null, null,
				Map.of(), null);

		assertThat(LaunchFingerprint.ofRequest(none)).isEqualTo(LaunchFingerprint.ofRequest(empty));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("changes")
	void anyOtherChangeIsADifferentRequest(String change, CreateServerRequest changed) {
		assertThat(LaunchFingerprint.ofRequest(changed)).isNotEqualTo(LaunchFingerprint.ofRequest(WEB));
	}

	static Stream<Arguments> changes() {
		CreateServerRequest r = WEB;
		return Stream.of(
				arguments("name", new CreateServerRequest("web2", r.flavor(), r.image(), r.networks(), r.keyName(),
						r.securityGroups(), r.userData(), r.availabilityZone(), r.metadata(), r.count())),
				arguments("flavor", new CreateServerRequest(r.name(), "m1.large", r.image(), r.networks(), r.keyName(),
						r.securityGroups(), r.userData(), r.availabilityZone(), r.metadata(), r.count())),
				arguments("image", new CreateServerRequest(r.name(), r.flavor(), "ubuntu", r.networks(), r.keyName(),
						r.securityGroups(), r.userData(), r.availabilityZone(), r.metadata(), r.count())),
				arguments("network order", new CreateServerRequest(r.name(), r.flavor(), r.image(),
						List.of("storage", "private"), r.keyName(), r.securityGroups(), r.userData(),
						r.availabilityZone(), r.metadata(), r.count())),
				arguments("key_name", new CreateServerRequest(r.name(), r.flavor(), r.image(), r.networks(), null,
						r.securityGroups(), r.userData(), r.availabilityZone(), r.metadata(), r.count())),
				arguments("security_groups", new CreateServerRequest(r.name(), r.flavor(), r.image(), r.networks(),
						r.keyName(), List.of("web"), r.userData(), r.availabilityZone(), r.metadata(), r.count())),
				arguments("user_data", new CreateServerRequest(r.name(), r.flavor(), r.image(), r.networks(),
						r.keyName(), r.securityGroups(), "#cloud-config\n\n", r.availabilityZone(), r.metadata(),
						r.count())),
				arguments("availability_zone", new CreateServerRequest(r.name(), r.flavor(), r.image(), r.networks(),
						r.keyName(), r.securityGroups(), r.userData(), "az2", r.metadata(), r.count())),
				arguments("metadata value", new CreateServerRequest(r.name(), r.flavor(), r.image(), r.networks(),
						r.keyName(), r.securityGroups(), r.userData(), r.availabilityZone(),
						Map.of("role", "db", "tier", "front"), r.count())),
				arguments("count", ServerLauncherTests.with(r, 3)),
				// A value may not run into the next field: "web|" + "x" is not "web" + "|x".
				arguments("a field boundary", new CreateServerRequest("web|m1.small", "", r.image(), r.networks(),
						r.keyName(), r.securityGroups(), r.userData(), r.availabilityZone(), r.metadata(),
						r.count())));
	}

	@Test
	void differentNetworksHaveDifferentDigests() {
		CreateServerRequest two = new CreateServerRequest("web", "m1.small", "cirros", List.of("a", "b"), null, null,
				null, null, null, null);
		CreateServerRequest one = new CreateServerRequest("web", "m1.small", "cirros", List.of("a, b"), null, null,
				null, null, null, null);

		assertThat(LaunchFingerprint.ofRequest(one)).isNotEqualTo(LaunchFingerprint.ofRequest(two));
	}

	@Test
	void differentMetadataHaveDifferentDigests() {
		CreateServerRequest two = new CreateServerRequest("web", "m1.small", "cirros", List.of("a"), null, null,
				null, null, Map.of("a", "1", "b", "2"), null);
		CreateServerRequest one = new CreateServerRequest("web", "m1.small", "cirros", List.of("a"), null, null,
				null, null, Map.of("a", "1, b=2"), null);

		assertThat(LaunchFingerprint.ofRequest(one)).isNotEqualTo(LaunchFingerprint.ofRequest(two));
	}

}
