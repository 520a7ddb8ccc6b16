package io.stackgate.server.it;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.stackgate.itsupport.RealCloud;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API versions of the cloud the suite runs on, read from each service's version
 * document, as the gateway's negotiation reads Nova's: checks that each service offers
 * the version the gateway speaks, and writes them to {@code target/cloud-versions.json},
 * from which {@code bin/compatibility-matrix} writes that row of docs/compatibility.md.
 */
class CloudVersionsIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void everyServiceOffersTheVersionTheGatewaySpeaks() throws Exception {
		RealCloud cloud = RealCloud.fromEnvironment();
		ObjectNode versions = JSON.createObjectNode();

		JsonNode identity = cloud.versionDocument("identity").path("version");
		assertThat(identity.path("id").asString()).startsWith("v3.");
		versions.put("identity", identity.path("id").asString().substring(1));

		JsonNode compute = cloud.versionDocument("compute").path("version");
		assertThat(compute.path("id").asString()).isEqualTo("v2.1");
		assertThat(compute.path("min_version").asString()).isEqualTo("2.1");
		assertThat(compute.path("version").asString()).matches("2\\.\\d+");
		versions.putObject("compute").put("min", "2.1").put("max", compute.path("version").asString());

		versions.put("image", current(cloud.versionDocument("image"), "v2."));
		versions.put("network", current(cloud.versionDocument("network"), "v2.0"));

		JsonNode placement = cloud.versionDocument("placement").path("versions").path(0);
		assertThat(placement.path("id").asString()).isEqualTo("v1.0");
		versions.putObject("placement")
			.put("min", placement.path("min_version").asString())
			.put("max", placement.path("max_version").asString());

		Files.writeString(Path.of("target/cloud-versions.json"),
				JSON.writerWithDefaultPrettyPrinter().writeValueAsString(versions) + "\n");
	}

	/**
	 * @return the highest version a document lists as {@code CURRENT}, which must start
	 * as given
	 */
	private static String current(JsonNode document, String prefix) {
		String highest = null;
		for (JsonNode version : document.path("versions")) {
			String id = version.path("id").asString();
			if (version.path("status").asString().equals("CURRENT") && (highest == null || newer(id, highest))) {
				highest = id;
			}
		}
		assertThat(highest).as("the CURRENT version in %s", document).isNotNull().startsWith(prefix);
		return highest.substring(1);
	}

	private static boolean newer(String a, String b) {
		String[] x = a.substring(1).split("\\.");
		String[] y = b.substring(1).split("\\.");
		int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
		return (major != 0) ? major > 0 : Integer.parseInt(x[1]) > Integer.parseInt(y[1]);
	}

}
