package io.stackgate.cli.support;

/**
 * Gateway responses as the gateway writes them (snake_case, ISO-8601 instants), plus a
 * property the CLI does not know, which it must ignore.
 */
public final class Fixtures {

	public static final String VM1_ID = "3f0c8a52-1d0e-4b8e-9a57-5d0f1c9e2b10";

	public static final String VM2_ID = "8b2d7e11-5c4a-4f6e-8d3b-2a1f0e9c7d65";

	public static final String FLAVORS = """
			[{"id":"1","name":"m1.tiny","vcpus":1,"ram":512,"disk":1,"rxtx_factor":1.0},
			 {"id":"42","name":"m1.nano","vcpus":1,"ram":128,"disk":1}]""";

	public static final String IMAGES = """
			[{"id":"c0ffee00-0000-4000-8000-000000000001","name":"cirros-fake-raw","status":"active","size":65536,
			  "min_disk":0,"min_ram":0,"visibility":"public"}]""";

	public static final String NETWORKS = """
			[{"id":"d00dfeed-0000-4000-8000-000000000002","name":"private","status":"ACTIVE","shared":false,
			  "external":false,"subnets":[{"id":"5b0e1c2d-0000-4000-8000-000000000003","name":"private-subnet",
			  "cidr":"10.0.0.0/24","ip_version":4}]},
			 {"id":"e11ea5e0-0000-4000-8000-000000000004","name":"public","status":"ACTIVE","shared":true,
			  "external":true,"subnets":[]}]""";

	private Fixtures() {
	}

	public static String server(String id, String name, String status) {
		return """
				{"id":"%s","name":"%s","status":"%s",
				 "addresses":[{"network":"private","ip":"10.0.0.5","version":4,"type":"fixed"},
				              {"network":"private","ip":"fd00::5","version":6,"type":"fixed"},
				              {"network":"public","ip":"172.24.4.9","version":4,"type":"floating"}],
				 "flavor":{"id":"42","name":"m1.nano"},
				 "image":{"id":"c0ffee00-0000-4000-8000-000000000001","name":"cirros-fake-raw"},
				 "created":"2025-06-01T09:58:00Z","fault":null,"host_id":"ignored",
				 "metadata":{"role":"web","stackgate:idempotency-key":"0f3c"}}""".formatted(id, name, status);
	}

	public static String errorServer(String id, String name) {
		return """
				{"id":"%s","name":"%s","status":"ERROR","addresses":[],"flavor":{"id":"42","name":"m1.nano"},
				 "image":null,"created":"2025-06-01T09:58:00Z","fault":"No valid host was found."}""".formatted(id,
				name);
	}

	public static String array(String... items) {
		return "[" + String.join(",", items) + "]";
	}

}
