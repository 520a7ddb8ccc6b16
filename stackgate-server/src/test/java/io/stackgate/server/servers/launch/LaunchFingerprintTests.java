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

	/**
	 * The digest is stored in Nova with the servers of a launch: it must not change
	 * between versions, or a retry across an upgrade would be told it reuses its key for
	 * another request. These values were computed once, by
	 * {@code printf %s "$canonical" | sha256sum}, from the canonical form documented in
	 * {@link LaunchFingerprint}: each value as its length, a colon and itself, {@code -}
	 * when absent; lists in brackets; metadata sorted by key; fields joined by {@code |}.
	 */
	@Test
	void theRequestDigestIsTheOneStoredByEarlierVersions() {
		// 3:web|8:m1.small|6:cirros|[7:private,7:storage]|6:my-key|[7:default]|14:#cloud-config\n|4:nova|
		// [4:role,3:web,4:tier,5:front]|1:2
		assertThat(LaunchFingerprint.ofRequest(WEB))
			.isEqualTo("a7af2a7ef08e73ec9681430aca372e000f475781cebd0793b79b18d281803b57");
		// 3:web|1:f|1:i|[1:n]|-|-|-|-|[]|1:1
		assertThat(LaunchFingerprint
			.ofRequest(new CreateServerRequest("web", "f", "i", List.of("n"), null, null, null, null, null, null)))
			.isEqualTo("886553d0d1e1d7345a6ca602758ee40fd18d55017bf4f613c8121ba4b955a49d");
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
		CreateServerRequest none = new CreateServerRequest("web", "f", "i", List.of("n"), null, null, null, null, null,
				null);
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
		return Stream.of(arguments("name", r.withName("web2")),
				arguments("flavor",
						new CreateServerRequest(r.name(), "m1.large", r.image(), r.networks(), r.keyName(),
								r.securityGroups(), r.userData(), r.availabilityZone(), r.metadata(), r.count())),
				arguments("image",
						new CreateServerRequest(r.name(), r.flavor(), "ubuntu", r.networks(), r.keyName(),
								r.securityGroups(), r.userData(), r.availabilityZone(), r.metadata(), r.count())),
				arguments("network order",
						new CreateServerRequest(r.name(), r.flavor(), r.image(), List.of("storage", "private"),
								r.keyName(), r.securityGroups(), r.userData(), r.availabilityZone(), r.metadata(),
								r.count())),
				arguments("key_name",
						new CreateServerRequest(r.name(), r.flavor(), r.image(), r.networks(), null, r.securityGroups(),
								r.userData(), r.availabilityZone(), r.metadata(), r.count())),
				arguments("security_groups",
						new CreateServerRequest(r.name(), r.flavor(), r.image(), r.networks(), r.keyName(),
								List.of("web"), r.userData(), r.availabilityZone(), r.metadata(), r.count())),
				arguments("user_data",
						new CreateServerRequest(r.name(), r.flavor(), r.image(), r.networks(), r.keyName(),
								r.securityGroups(), "#cloud-config\n\n", r.availabilityZone(), r.metadata(),
								r.count())),
				arguments("availability_zone",
						new CreateServerRequest(r.name(), r.flavor(), r.image(), r.networks(), r.keyName(),
								r.securityGroups(), r.userData(), "az2", r.metadata(), r.count())),
				arguments("metadata value",
						new CreateServerRequest(r.name(), r.flavor(), r.image(), r.networks(), r.keyName(),
								r.securityGroups(), r.userData(), r.availabilityZone(),
								Map.of("role", "db", "tier", "front"), r.count())),
				arguments("count", ServerLauncherTests.with(r, 3)),
				// A value may not run into the next field: "web|" + "x" is not "web" +
				// "|x".
				arguments("a field boundary", new CreateServerRequest("web|m1.small", "", r.image(), r.networks(),
						r.keyName(), r.securityGroups(), r.userData(), r.availabilityZone(), r.metadata(), r.count())));
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
		CreateServerRequest two = new CreateServerRequest("web", "m1.small", "cirros", List.of("a"), null, null, null,
				null, Map.of("a", "1", "b", "2"), null);
		CreateServerRequest one = new CreateServerRequest("web", "m1.small", "cirros", List.of("a"), null, null, null,
				null, Map.of("a", "1, b=2"), null);

		assertThat(LaunchFingerprint.ofRequest(one)).isNotEqualTo(LaunchFingerprint.ofRequest(two));
	}

}
