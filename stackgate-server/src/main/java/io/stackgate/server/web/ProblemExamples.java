package io.stackgate.server.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * One problem response per status, as the gateway gives it: when, and an example body.
 */
final class ProblemExamples {

	private static final String TYPES = "https://stackgate.dev/problems/";

	private static final Map<Integer, Example> ALL = build();

	private ProblemExamples() {
	}

	/**
	 * @return the problem responses by status, in status order
	 */
	static Map<Integer, Example> all() {
		return ALL;
	}

	private static Map<Integer, Example> build() {
		Map<Integer, Example> all = new LinkedHashMap<>();
		put(all, 400, "InvalidRequest",
				"Invalid request: malformed JSON, an unknown field, a wrong type, or a "
						+ "missing or invalid field or parameter; errors lists each. Nothing was created.",
				problem("invalid-request", "Invalid request", 400,
						"name: must not be blank; networks: at least one network id or name is required",
						"/api/v1/servers", Map.of("errors", List.of(field("name", "must not be blank"),
								field("networks", "at least one network id or name is required")))));
		put(all, 401, "Unauthenticated",
				"No credentials, or credentials OpenStack refuses (an expired or "
						+ "revoked token, an unknown API key, a wrong password)",
				problem("unauthenticated", "Unauthenticated", 401,
						"No X-Auth-Token header: send a Keystone token, for example one from POST /api/v1/auth/tokens",
						"/api/v1/servers", Map.of()),
				Map.of("WWW-Authenticate", header("The challenge of the auth mode: Keystone uri=\"<auth url>\" "
						+ "(mode keystone) or X-API-Key (mode service)", new StringSchema())));
		put(all, 403, "Forbidden",
				"Forbidden: OpenStack's policy refuses it, an API key of role reader tried to "
						+ "write, or the client is outside stackgate.auth.allowed-networks",
				problem("forbidden", "Forbidden", 403, "The API key 'dashboard' may only read", "/api/v1/servers",
						Map.of()));
		put(all, 404, "NotFound",
				"No such server, or a flavor, image or network id or name that matches none in "
						+ "the project; errors names the field",
				problem("not-found", "Not found", 404,
						"flavor: no flavor with the id or name 'm1.huge' in this project", "/api/v1/servers",
						Map.of("errors",
								List.of(field("flavor", "no flavor with the id or name 'm1.huge' in this project")))));
		put(all, 409, "Conflict", "A conflict with the state of the cloud: a name that matches several objects "
				+ "(candidates lists their ids), a quota exceeded, another launch with the same Idempotency-Key "
				+ "still in progress",
				problem("conflict", "Ambiguous name", 409,
						"networks[0]: 2 networks are named 'private'; give one of their ids instead", "/api/v1/servers",
						Map.of("errors",
								List.of(field("networks[0]",
										"2 networks are named 'private'; give one of their ids instead")),
								"candidates", List.of("279177ad-4b30-47df-b1a0-d256c558cb1c",
										"8a1c9e53-0f57-4a52-a7b3-1f0c1e7d9b20"))));
		put(all, 422, "UnprocessableLaunch", "A well-formed launch that cannot work: a flavor too small for the "
				+ "image, an external or subnet-less network, or an Idempotency-Key already used for a different "
				+ "launch. Nothing was created.",
				problem("invalid-request", "Invalid request", 422,
						"flavor: flavor 'm1.nano' has 128 MiB of memory but image 'big' needs at least 512 MiB",
						"/api/v1/servers", Map.of("errors", List.of(field("flavor",
								"flavor 'm1.nano' has 128 MiB of memory but image 'big' needs at least 512 MiB")))));
		put(all, 429, "RateLimited",
				"Too many requests from this caller (stackgate.auth.rate-limit); retry after "
						+ "the Retry-After header's seconds",
				problem("rate-limited", "Too many requests", 429, "Rate limit reached; retry in 3 s", "/api/v1/servers",
						Map.of("retry_after", 3)),
				Map.of("Retry-After", header("Seconds to wait before the next request",
						new IntegerSchema().minimum(java.math.BigDecimal.ONE))));
		put(all, 500, "InternalError",
				"The gateway failed unexpectedly; its log has the details under the " + "request id",
				problem("internal-error", "Internal error", 500,
						"The gateway failed unexpectedly; its log has the details under this request id",
						"/api/v1/servers", Map.of()));
		put(all, 502, "UpstreamError",
				"An OpenStack service answered with an error; openstack_service, "
						+ "upstream_status and openstack_request_id find it in that service's log",
				problem("upstream-error", "OpenStack failed", 502, "compute answered 500: Unexpected API Error",
						"/api/v1/servers", Map.of("openstack_service", "compute", "upstream_status", 500,
								"openstack_request_id", "req-9d0b5c4e-8a3f-4b8e-9a47-6c1f7b0e2d11")));
		put(all, 503, "UpstreamUnavailable", "An OpenStack service cannot be reached or is unavailable",
				problem("upstream-unavailable", "OpenStack is unavailable", 503,
						"Cannot reach image: Connection refused", "/api/v1/images",
						Map.of("openstack_service", "image")));
		put(all, 504, "UpstreamTimeout",
				"An OpenStack service did not answer within " + "stackgate.upstream.read-timeout",
				problem("upstream-timeout", "OpenStack did not answer in time", 504,
						"network did not answer within 30 s", "/api/v1/networks",
						Map.of("openstack_service", "network")));
		return java.util.Collections.unmodifiableMap(all);
	}

	private static void put(Map<Integer, Example> all, int status, String name, String description,
			Map<String, Object> body) {
		put(all, status, name, description, body, Map.of());
	}

	private static void put(Map<Integer, Example> all, int status, String name, String description,
			Map<String, Object> body, Map<String, Header> headers) {
		all.put(status, new Example(name, description, body, headers));
	}

	private static Map<String, Object> problem(String type, String title, int status, String detail, String instance,
			Map<String, Object> extensions) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", TYPES + type);
		body.put("title", title);
		body.put("status", status);
		body.put("detail", detail);
		body.put("instance", instance);
		body.put("request_id", "req-55c01eca-d0fc-45b9-bb6e-c7bb99c7bfcb");
		new java.util.TreeMap<>(extensions).forEach(body::put);
		return body;
	}

	private static Map<String, String> field(String field, String message) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", message);
		return error;
	}

	private static Header header(String description, io.swagger.v3.oas.models.media.Schema<?> schema) {
		return new Header().description(description).schema(schema);
	}

	/**
	 * @param name the name of the shared response in {@code components/responses}
	 * @param description when the gateway gives it
	 * @param body an example problem
	 * @param headers the headers it has besides the request id
	 */
	record Example(String name, String description, Map<String, Object> body, Map<String, Header> headers) {
	}

}
