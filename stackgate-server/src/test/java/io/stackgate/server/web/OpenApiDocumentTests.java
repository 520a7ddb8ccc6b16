package io.stackgate.server.web;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.web.servlet.MockMvc;

import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.cloudconfig.DomainRef;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The committed docs/openapi.json is the document the whole gateway serves, in its
 * default mode: a change of the API or its description that is not committed fails the
 * build. No cloud is called: the gateway only starts, against a Keystone address nothing
 * listens on.
 */
@SpringBootTest(properties = { "stackgate.listen.address=127.0.0.1", "stackgate.listen.port=0" })
@AutoConfigureMockMvc
class OpenApiDocumentTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Path COMMITTED = Path.of("../docs/openapi.json");

	private static final Path SERVED = Path.of("target/openapi.json");

	@TestBean(enforceOverride = false)
	CloudConfig cloudConfig;

	@Autowired
	MockMvc mvc;

	static CloudConfig cloudConfig() {
		return new CloudConfig("no cloud", "http://127.0.0.1:9/v3", "gateway", "unused", DomainRef.DEFAULT, "service",
				null, DomainRef.DEFAULT, "RegionOne", "public", null, true);
	}

	@Test
	void theCommittedDocumentIsTheServedOne() throws Exception {
		String body = this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode served = JSON.readTree(body);
		if (!Files.exists(COMMITTED) || !JSON.readTree(Files.readString(COMMITTED)).equals(served)) {
			Files.writeString(SERVED, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
			throw new AssertionError("docs/openapi.json differs from what the gateway serves; the served one is in "
					+ "stackgate-server/" + SERVED + ": review it (git diff --no-index docs/openapi.json "
					+ "stackgate-server/" + SERVED + ") and copy it to docs/openapi.json");
		}
	}

}
