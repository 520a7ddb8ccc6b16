package io.stackgate.itsupport;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The choice of what the integration tests launch from, on lists shaped like Nova's,
 * Glance's and Neutron's.
 */
class LaunchTargetTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNode FLAVORS = JSON.readTree("""
			[{"id": "0", "name": "zero-disk", "vcpus": 1, "ram": 64, "disk": 0},
			 {"id": "1", "name": "m1.tiny", "vcpus": 1, "ram": 512, "disk": 1},
			 {"id": "42", "name": "m1.nano", "vcpus": 1, "ram": 128, "disk": 1},
			 {"id": "5", "name": "twin", "vcpus": 1, "ram": 96, "disk": 1},
			 {"id": "6", "name": "twin", "vcpus": 1, "ram": 96, "disk": 1},
			 {"id": "3", "name": "m1.medium", "vcpus": 2, "ram": 4096, "disk": 40}]""");

	private static final JsonNode IMAGES = JSON.readTree(
			"""
					[{"id": "big", "name": "needs-2g", "min_ram": 2048, "min_disk": 0, "size": 15, "created_at": "2020-01-01T00:00:00Z"},
					 {"id": "raw", "name": "cirros-fake-raw", "min_ram": 0, "min_disk": 0, "size": 65536, "created_at": "2026-01-02T00:00:00Z"},
					 {"id": "new", "name": "uploaded-later", "min_ram": 0, "min_disk": 0, "size": 10, "created_at": "2026-03-01T00:00:00Z"},
					 {"id": "q2", "name": "huge-qcow2", "min_ram": 0, "min_disk": 0, "size": 65536, "virtual_size": 10737418240,
					  "created_at": "2019-01-01T00:00:00Z"}]""");

	private static final JsonNode NETWORKS = JSON.readTree("""
			[{"id": "pub", "name": "public", "status": "ACTIVE", "router:external": true, "project_id": "admin",
			  "created_at": "2025-01-01T00:00:00Z"},
			 {"id": "shared", "name": "shared", "status": "ACTIVE", "router:external": false, "project_id": "admin",
			  "created_at": "2025-01-01T00:00:00Z"},
			 {"id": "bare", "name": "no-subnet", "status": "ACTIVE", "router:external": false, "project_id": "p1",
			  "created_at": "2025-01-01T00:00:00Z"},
			 {"id": "priv", "name": "private", "status": "ACTIVE", "router:external": false, "project_id": "p1",
			  "created_at": "2026-01-01T00:00:00Z"}]""");

	private static final JsonNode SUBNETS = JSON.readTree("""
			[{"network_id": "pub", "cidr": "172.24.4.0/24"}, {"network_id": "shared", "cidr": "192.168.0.0/24"},
			 {"network_id": "priv", "cidr": "10.0.0.0/24"}, {"network_id": "priv", "cidr": "fd00::/64"}]""");

	@Test
	void choosesTheSmallestFlavorWithADiskTheOldestImageThatFitsItAndTheProjectsOwnNetwork() {
		LaunchTarget target = LaunchTarget.choose(FLAVORS, IMAGES, NETWORKS, SUBNETS, "p1", Map.of());

		assertThat(target.flavor()).isEqualTo(new LaunchTarget.Flavor("42", "m1.nano", 1, 128, 1));
		assertThat(target.image()).isEqualTo(new LaunchTarget.Image("raw", "cirros-fake-raw"));
		assertThat(target.network().name()).isEqualTo("private");
		assertThat(target.network().cidrs()).containsExactly("10.0.0.0/24", "fd00::/64");
		assertThat(target.externalNetwork()).hasValue("public");
	}

	@Test
	void fallsBackToASharedNetworkAndToNoExternalOne() {
		JsonNode networks = JSON.readTree("[" + NETWORKS.get(1) + "]");

		LaunchTarget target = LaunchTarget.choose(FLAVORS, IMAGES, networks, SUBNETS, "p1", Map.of());

		assertThat(target.network().id()).isEqualTo("shared");
		assertThat(target.externalNetwork()).isEmpty();
	}

	@Test
	void overridesNameWhatToUseByNameOrId() {
		LaunchTarget target = LaunchTarget.choose(FLAVORS, IMAGES, NETWORKS, SUBNETS, "p1", Map
			.of("STACKGATE_IT_FLAVOR", "m1.medium", "STACKGATE_IT_IMAGE", "q2", "STACKGATE_IT_NETWORK", "shared"));

		assertThat(target.flavor().name()).isEqualTo("m1.medium");
		assertThat(target.image().name()).isEqualTo("huge-qcow2");
		assertThat(target.network().id()).isEqualTo("shared");
	}

	@Test
	void anOverrideThatNamesNothingOrSeveralOrDoesNotFitIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> LaunchTarget.choose(FLAVORS, IMAGES, NETWORKS, SUBNETS, "p1",
					Map.of("STACKGATE_IT_FLAVOR", "twin")))
			.withMessageContaining("STACKGATE_IT_FLAVOR=twin names 2 objects");
		assertThatIllegalStateException()
			.isThrownBy(() -> LaunchTarget.choose(FLAVORS, IMAGES, NETWORKS, SUBNETS, "p1",
					Map.of("STACKGATE_IT_IMAGE", "needs-2g", "STACKGATE_IT_FLAVOR", "m1.tiny")))
			.withMessageContaining("No active image fits");
		assertThatIllegalStateException()
			.isThrownBy(() -> LaunchTarget.choose(FLAVORS, IMAGES, NETWORKS, SUBNETS, "p1",
					Map.of("STACKGATE_IT_NETWORK", "no-subnet")))
			.withMessageContaining("STACKGATE_IT_NETWORK");
	}

	@Test
	void tellsWhetherAnAddressLiesInTheNetworksSubnets() {
		LaunchTarget.Network network = new LaunchTarget.Network("n", "private",
				java.util.List.of("10.0.0.0/24", "fd00::/64"));

		assertThat(network.contains("10.0.0.17")).isTrue();
		assertThat(network.contains("10.0.1.17")).isFalse();
		assertThat(network.contains("fd00::5")).isTrue();
		assertThat(network.contains("fd01::5")).isFalse();
	}

}
