package io.stackgate.testing.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

import io.stackgate.testing.hostile.ApiDescription.Operation;
import io.stackgate.testing.hostile.ApiDescription.Parameter;

/**
 * Generates requests from the OpenAPI description: for a random operation, a valid
 * request or one mutation of it (a body field of the wrong type, too long, with control
 * characters or a number past int and long, duplicate keys, a path segment that cannot be
 * an id, a query parameter of the wrong shape, duplicate or oversized headers, an odd
 * method or content type, or an Idempotency-Key replayed with a changed body). The same
 * seed gives the same requests.
 */
public final class RequestGenerator {

	private final Random random;

	private final ApiDescription api;

	private final Fixtures fixtures;

	private final List<Function<Valid, List<HostileRequest>>> mutations = List.of(this::wrongType, this::longString,
			this::strangeText, this::number, this::duplicateKey, this::missingField, this::unknownField,
			this::notAnObject, this::contentType, this::pathSegment, this::queryValue, this::queryDuplicate,
			this::credentials, this::oversizedHeader, this::idempotencyKey, this::method, this::rawTarget, this::replay,
			this::headerControl, this::version, this::framing);

	public RequestGenerator(long seed, ApiDescription api, Fixtures fixtures) {
		this.random = new Random(seed);
		this.api = api;
		this.fixtures = fixtures;
	}

	/**
	 * @return the next requests: one, or a few that belong together (a replay)
	 */
	public List<HostileRequest> next() {
		Operation operation = pick(this.api.operations());
		Valid valid = valid(operation);
		if (this.random.nextInt(5) == 0) {
			return List.of(valid.build("valid"));
		}
		for (int attempt = 0; attempt < 20; attempt++) {
			List<HostileRequest> mutated = pick(this.mutations).apply(valid);
			if (!mutated.isEmpty()) {
				return mutated;
			}
		}
		return List.of(valid.build("valid"));
	}

	private Valid valid(Operation operation) {
		Valid valid = new Valid(operation);
		for (Parameter parameter : operation.parameters()) {
			String value = parameterValue(parameter);
			if (parameter.in().equals("path")) {
				valid.path.put(parameter.name(), value);
			}
			else if (parameter.in().equals("query") && (parameter.required() || this.random.nextInt(3) == 0)) {
				valid.query.put(parameter.name(), value);
			}
			else if (parameter.in().equals("header") && (parameter.required() || this.random.nextBoolean())) {
				valid.headers.add(new String[] { parameter.name(), value });
			}
		}
		if (operation.body() != null) {
			JsonNode required = operation.body().path("required");
			operation.body().path("properties").properties().forEach((property) -> {
				String value = this.fixtures.value(property.getKey());
				if (value == null && contains(required, property.getKey())) {
					value = example(property.getValue());
				}
				if (value != null) {
					valid.fields.put(property.getKey(), value);
				}
			});
		}
		return valid;
	}

	private String parameterValue(Parameter parameter) {
		String hint = this.fixtures.value(parameter.name());
		if (hint != null) {
			return hint.startsWith("\"") ? hint.substring(1, hint.length() - 1) : hint;
		}
		JsonNode schema = parameter.schema();
		return switch (schema.path("type").asString()) {
			case "integer" -> String.valueOf(Math.max(schema.path("minimum").asInt(1), 1));
			case "boolean" -> String.valueOf(this.random.nextBoolean());
			default -> (parameter.name().equals("Idempotency-Key")) ? "hostile-" + UUID.randomUUID() : "x";
		};
	}

	private static String example(JsonNode schema) {
		return switch (schema.path("type").asString()) {
			case "integer", "number" -> "1";
			case "boolean" -> "true";
			case "array" -> "[]";
			case "object" -> "{}";
			default -> "\"x\"";
		};
	}

	// Body mutations

	private List<HostileRequest> wrongType(Valid valid) {
		return withField(valid, "wrong type", (schema, value) -> pick(Mutations.WRONG_TYPES));
	}

	private List<HostileRequest> longString(Valid valid) {
		int length = pick(List.of(60, 61, 254, 255, 256, 1000, 70_000));
		return withField(valid, "length " + length, (schema, value) -> keepPrefix(value, "y".repeat(length), length));
	}

	private List<HostileRequest> strangeText(Valid valid) {
		String text = pick(Mutations.STRANGE_TEXT);
		return withField(valid, "text " + text, (schema, value) -> {
			if (schema.path("type").asString().equals("array")) {
				return "[\"" + text + "\"]";
			}
			if (schema.path("type").asString().equals("object")) {
				return "{\"" + text + "\": \"" + text + "\"}";
			}
			return keepPrefix(value, text, -1);
		});
	}

	private List<HostileRequest> number(Valid valid) {
		String number = pick(Mutations.NUMBERS);
		Valid copy = valid.copy();
		List<String> integers = properties(valid.operation, "integer");
		if (integers.isEmpty()) {
			return List.of();
		}
		copy.fields.put(pick(integers), number);
		if (this.random.nextBoolean()) {
			// A long name with a count: the suffixes -2 .. -10 may cross the name limit.
			List<String> named = valid.fields.keySet().stream().filter((k) -> isPrefixed(valid.fields.get(k))).toList();
			if (!named.isEmpty()) {
				int length = pick(List.of(250, 252, 253, 254, 255));
				copy.fields.put(named.get(0), keepPrefix(valid.fields.get(named.get(0)), "z".repeat(length), length));
			}
		}
		return List.of(copy.build("number " + number));
	}

	private List<HostileRequest> duplicateKey(Valid valid) {
		if (valid.fields.isEmpty()) {
			return List.of();
		}
		String key = pick(new ArrayList<>(valid.fields.keySet()));
		Valid copy = valid.copy();
		copy.duplicates.add(new String[] { key, this.random.nextBoolean() ? valid.fields.get(key) : "\"other\"" });
		return List.of(copy.build("duplicate key " + key));
	}

	private List<HostileRequest> missingField(Valid valid) {
		if (valid.fields.isEmpty()) {
			return List.of();
		}
		Valid copy = valid.copy();
		String key = pick(new ArrayList<>(valid.fields.keySet()));
		copy.fields.remove(key);
		return List.of(copy.build("missing " + key));
	}

	private List<HostileRequest> unknownField(Valid valid) {
		if (valid.operation.body() == null) {
			return List.of();
		}
		Valid copy = valid.copy();
		copy.fields.put(pick(List.of("colour", "all_tenants", "__proto__", "Name", "id", "")),
				pick(Mutations.WRONG_TYPES));
		return List.of(copy.build("unknown field"));
	}

	private List<HostileRequest> notAnObject(Valid valid) {
		if (valid.operation.body() == null) {
			return List.of();
		}
		Valid copy = valid.copy();
		String raw = pick(List.of("", "[]", "\"text\"", "1", "null", "{", "{\"name\": ", "{}", "{}{}", "\u0000",
				"[".repeat(3000) + "]".repeat(3000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000), "\uFEFF{}"));
		copy.rawBody = raw.getBytes(StandardCharsets.UTF_8);
		return List.of(copy.build("body " + (raw.length() > 20 ? raw.substring(0, 20) + "..." : raw)));
	}

	private List<HostileRequest> contentType(Valid valid) {
		Valid copy = valid.copy();
		copy.contentType = pick(List.of("text/plain", "application/xml", "", "application/x-www-form-urlencoded",
				"multipart/form-data; boundary=x", "application/json; charset=latin1", "application/json;;;", "*/*",
				"application/problem+json", "application/json-patch+json"));
		if (valid.operation.body() == null) {
			copy.rawBody = "{}".getBytes(StandardCharsets.UTF_8);
		}
		return List.of(copy.build("content type " + copy.contentType));
	}

	// Parameter mutations

	private List<HostileRequest> pathSegment(Valid valid) {
		if (valid.path.isEmpty()) {
			return List.of();
		}
		Valid copy = valid.copy();
		String segment = this.random.nextInt(8) == 0 ? "x".repeat(pick(List.of(256, 5000)))
				: pick(Mutations.PATH_SEGMENTS);
		copy.path.put(pick(new ArrayList<>(valid.path.keySet())), segment);
		copy.encodePath = false;
		return List.of(copy.build("path segment " + (segment.length() > 30 ? "long" : segment)));
	}

	private List<HostileRequest> queryValue(Valid valid) {
		List<Parameter> query = valid.operation.parameters().stream().filter((p) -> p.in().equals("query")).toList();
		if (query.isEmpty()) {
			return List.of();
		}
		Valid copy = valid.copy();
		Parameter parameter = pick(query);
		String value = this.random.nextInt(10) == 0 ? "q".repeat(10_000) : pick(Mutations.QUERY_VALUES);
		copy.query.put(parameter.name(), value);
		copy.encodeQuery = false;
		return List.of(copy.build("query " + parameter.name() + "=" + (value.length() > 30 ? "long" : value)));
	}

	private List<HostileRequest> queryDuplicate(Valid valid) {
		List<Parameter> query = valid.operation.parameters().stream().filter((p) -> p.in().equals("query")).toList();
		Valid copy = valid.copy();
		if (query.isEmpty() || this.random.nextBoolean()) {
			copy.extraQuery = pick(List.of("all_tenants=1", "foo=bar", "limit", "=", "&&", "marker=abc", "tags=x"));
			return List.of(copy.build("extra query " + copy.extraQuery));
		}
		Parameter parameter = pick(query);
		copy.extraQuery = parameter.name() + "=" + parameterValue(parameter);
		return List.of(copy.build("duplicate query " + parameter.name()));
	}

	// Header mutations

	private List<HostileRequest> credentials(Valid valid) {
		Valid copy = valid.copy();
		int choice = this.random.nextInt(7);
		String token = this.fixtures.credential();
		switch (choice) {
			case 0 -> copy.credential = null;
			case 1 -> copy.credential = token + "\u00e9";
			case 2 -> copy.credential = "\u00c3\u00a9" + token;
			case 3 -> copy.credential = token.substring(0, token.length() / 2) + "\u0001"
					+ token.substring(token.length() / 2);
			case 4 -> copy.credential = "gAAAAA" + "t".repeat(pick(List.of(100, 4000)));
			case 5 -> copy.headers.add(new String[] { this.fixtures.authHeader(), "gAAAAAB-not-a-token" });
			default -> copy.credential = "not a token";
		}
		return List.of(copy.build("credentials " + choice));
	}

	private List<HostileRequest> oversizedHeader(Valid valid) {
		Valid copy = valid.copy();
		int size = pick(List.of(8000, 9000, 20_000, 70_000));
		copy.headers.add(new String[] { "X-Pad", "p".repeat(size) });
		return List.of(copy.build("header of " + size + " bytes"));
	}

	private List<HostileRequest> headerControl(Valid valid) {
		Valid copy = valid.copy();
		String value = pick(List.of("a\u0001b", "a\u007fb", "\u00ff\u00fe", "a\u0000b", "a\u000bb"));
		String name = pick(List.of("X-Foo", "Accept", "X-Openstack-Request-Id", "Idempotency-Key", "Content-Type"));
		copy.headers.add(new String[] { name, value });
		return List.of(copy.build("control character in " + name));
	}

	private List<HostileRequest> idempotencyKey(Valid valid) {
		if (!hasHeader(valid.operation, "Idempotency-Key")) {
			return List.of();
		}
		Valid copy = valid.copy();
		copy.headers.removeIf((h) -> h[0].equals("Idempotency-Key"));
		String key = pick(List.of("", " ", "k".repeat(256), "k".repeat(255), "cl\u00e9", "a b", "a\tb"));
		copy.headers.add(new String[] { "Idempotency-Key", key });
		if (this.random.nextBoolean()) {
			copy.headers.add(new String[] { "Idempotency-Key", "hostile-" + UUID.randomUUID() });
		}
		return List.of(copy.build("idempotency key"));
	}

	private List<HostileRequest> method(Valid valid) {
		Valid copy = valid.copy();
		copy.method = pick(Mutations.METHODS);
		return List.of(copy.build("method " + copy.method));
	}

	private List<HostileRequest> version(Valid valid) {
		Valid copy = valid.copy();
		copy.version = pick(Mutations.VERSIONS);
		return List.of(copy.build("version '" + copy.version + "'"));
	}

	/**
	 * The body framed another way than by its Content-Length: a transfer coding (the body
	 * chunked when the coding list ends with chunked), a length and a coding at once, two
	 * lengths, a length that is no number, a second request or garbage right after the
	 * body on the same connection, an {@code Expect}.
	 */
	private List<HostileRequest> framing(Valid valid) {
		Valid copy = valid.copy();
		byte[] body = (copy.body() != null) ? copy.body() : new byte[0];
		String length = Integer.toString(body.length);
		String framing = switch (this.random.nextInt(6)) {
			case 0 -> {
				String coding = pick(Mutations.TRANSFER_CODINGS);
				copy.headers.add(new String[] { "Transfer-Encoding", coding });
				copy.rawBody = coding.toLowerCase(Locale.ROOT).endsWith("chunked") ? chunked(body) : body;
				yield "transfer-encoding " + coding;
			}
			case 1 -> {
				copy.headers.add(new String[] { "Content-Length", length });
				copy.headers.add(new String[] { "Transfer-Encoding", "chunked" });
				copy.rawBody = chunked(body);
				yield "content-length and transfer-encoding";
			}
			case 2 -> {
				copy.headers.add(new String[] { "Content-Length", length });
				copy.headers.add(new String[] { "Content-Length", Integer.toString(body.length + 1) });
				copy.rawBody = body;
				yield "two content-lengths";
			}
			case 3 -> {
				String bad = pick(Mutations.BAD_LENGTHS);
				copy.headers.add(new String[] { "Content-Length", bad });
				copy.rawBody = body;
				yield "content-length '" + bad + "'";
			}
			case 4 -> {
				String after = pick(List.of("GET /api/v1/flavors HTTP/1.1\r\nHost: x\r\n\r\n", "GARBAGE\r\n\r\n",
						"\u0000\u0001\u00ff", "GET /nope\r\n"));
				copy.headers.add(new String[] { "Content-Length", length });
				copy.rawBody = concat(body, after.getBytes(StandardCharsets.ISO_8859_1));
				yield "bytes after the request: " + after.strip();
			}
			default -> {
				String expectation = pick(List.of("100-continue", "something-else"));
				copy.headers.add(new String[] { "Expect", expectation });
				yield "expect " + expectation;
			}
		};
		return List.of(copy.build("framing: " + framing));
	}

	private static byte[] chunked(byte[] body) {
		String size = Integer.toHexString(body.length);
		byte[] head = (body.length > 0) ? (size + "\r\n").getBytes(StandardCharsets.ISO_8859_1) : new byte[0];
		byte[] tail = ((body.length > 0) ? "\r\n0\r\n\r\n" : "0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
		return concat(concat(head, body), tail);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private List<HostileRequest> rawTarget(Valid valid) {
		Valid copy = valid.copy();
		copy.rawTarget = pick(Mutations.RAW_TARGETS);
		return List.of(copy.build("target " + copy.rawTarget));
	}

	/**
	 * A launch with a key, the same key with a changed body, then the first request
	 * again: the first creates, the second must be refused and the third must replay the
	 * first.
	 */
	private List<HostileRequest> replay(Valid valid) {
		if (!hasHeader(valid.operation, "Idempotency-Key") || valid.fields.isEmpty()) {
			return List.of();
		}
		Valid first = valid.copy();
		first.headers.removeIf((h) -> h[0].equals("Idempotency-Key"));
		first.headers.add(new String[] { "Idempotency-Key", "hostile-" + UUID.randomUUID() });
		Valid changed = first.copy();
		String key = pick(new ArrayList<>(valid.fields.keySet()));
		String value = valid.fields.get(key);
		changed.fields.put(key, isPrefixed(value) ? keepPrefix(value, "other", -1) : pick(Mutations.WRONG_TYPES));
		return List.of(first.build("replay: first"), changed.build("replay: changed " + key),
				first.build("replay: again"));
	}

	// Helpers

	private List<HostileRequest> withField(Valid valid, String mutation,
			java.util.function.BiFunction<JsonNode, String, String> change) {
		if (valid.operation.body() == null) {
			return List.of();
		}
		List<Map.Entry<String, JsonNode>> properties = new ArrayList<>();
		valid.operation.body().path("properties").properties().forEach(properties::add);
		if (properties.isEmpty()) {
			return List.of();
		}
		Map.Entry<String, JsonNode> property = pick(properties);
		Valid copy = valid.copy();
		copy.fields.put(property.getKey(),
				change.apply(property.getValue(), valid.fields.getOrDefault(property.getKey(), "\"\"")));
		return List.of(copy.build(mutation + " in " + property.getKey()));
	}

	private List<String> properties(Operation operation, String type) {
		List<String> names = new ArrayList<>();
		if (operation.body() != null) {
			operation.body().path("properties").properties().forEach((p) -> {
				if (p.getValue().path("type").asString().equals(type)) {
					names.add(p.getKey());
				}
			});
		}
		return names;
	}

	private boolean isPrefixed(String jsonValue) {
		return jsonValue != null && jsonValue.startsWith("\"" + this.fixtures.namePrefix());
	}

	/**
	 * A server name keeps the run's prefix, so that whatever a bug creates is found and
	 * deleted.
	 */
	private String keepPrefix(String jsonValue, String text, int totalLength) {
		if (!isPrefixed(jsonValue)) {
			return "\"" + ((totalLength > 0) ? text.substring(0, totalLength) : text) + "\"";
		}
		String prefix = this.fixtures.namePrefix();
		String rest = (totalLength > 0) ? text.substring(0, Math.max(0, totalLength - prefix.length())) : text;
		return "\"" + prefix + rest + "\"";
	}

	private static boolean hasHeader(Operation operation, String name) {
		return operation.parameters().stream().anyMatch((p) -> p.in().equals("header") && p.name().equals(name));
	}

	private static boolean contains(JsonNode array, String value) {
		for (JsonNode item : array) {
			if (item.asString().equals(value)) {
				return true;
			}
		}
		return false;
	}

	private <T> T pick(List<T> items) {
		return items.get(this.random.nextInt(items.size()));
	}

	/** A valid request of an operation, and what a mutation may change in it. */
	private final class Valid {

		final Operation operation;

		String method;

		final Map<String, String> path = new LinkedHashMap<>();

		final Map<String, String> query = new LinkedHashMap<>();

		final List<String[]> headers = new ArrayList<>();

		final Map<String, String> fields = new LinkedHashMap<>();

		final List<String[]> duplicates = new ArrayList<>();

		String credential = RequestGenerator.this.fixtures.credential();

		String contentType;

		byte[] rawBody;

		String rawTarget;

		String extraQuery;

		boolean encodePath = true;

		boolean encodeQuery = true;

		String version = "HTTP/1.1";

		Valid(Operation operation) {
			this.operation = operation;
			this.method = operation.method();
			this.contentType = operation.mediaType();
		}

		Valid copy() {
			Valid copy = new Valid(this.operation);
			copy.method = this.method;
			copy.path.putAll(this.path);
			copy.query.putAll(this.query);
			this.headers.forEach((h) -> copy.headers.add(h.clone()));
			copy.fields.putAll(this.fields);
			copy.duplicates.addAll(this.duplicates);
			copy.credential = this.credential;
			copy.contentType = this.contentType;
			copy.rawBody = this.rawBody;
			copy.rawTarget = this.rawTarget;
			copy.extraQuery = this.extraQuery;
			copy.encodePath = this.encodePath;
			copy.encodeQuery = this.encodeQuery;
			copy.version = this.version;
			return copy;
		}

		HostileRequest build(String mutation) {
			List<String[]> headers = new ArrayList<>();
			if (this.credential != null) {
				headers.add(new String[] { RequestGenerator.this.fixtures.authHeader(), this.credential });
			}
			headers.add(new String[] { "Accept", "application/json, application/problem+json" });
			byte[] body = body();
			if (body != null && this.contentType != null && !this.contentType.isEmpty()) {
				headers.add(new String[] { "Content-Type", this.contentType });
			}
			headers.addAll(this.headers);
			// The key only binds operations that take one: elsewhere the header is noise.
			String key = this.headers.stream()
				.filter((h) -> h[0].equals("Idempotency-Key") && hasHeader(this.operation, h[0]))
				.map((h) -> h[1])
				.findFirst()
				.orElse(null);
			return new HostileRequest(this.operation.toString(), mutation, this.method, target(), headers, body, key,
					this.version);
		}

		private String target() {
			if (this.rawTarget != null) {
				return this.rawTarget;
			}
			String path = this.operation.path();
			for (Map.Entry<String, String> parameter : this.path.entrySet()) {
				String value = this.encodePath ? encode(parameter.getValue()) : parameter.getValue();
				path = path.replace("{" + parameter.getKey() + "}", value);
			}
			List<String> query = new ArrayList<>();
			this.query.forEach((name, value) -> query.add(name + "=" + (this.encodeQuery ? encode(value) : value)));
			if (this.extraQuery != null) {
				query.add(this.extraQuery);
			}
			return query.isEmpty() ? path : path + "?" + String.join("&", query);
		}

		private byte[] body() {
			if (this.rawBody != null) {
				return this.rawBody;
			}
			if (this.operation.body() == null) {
				return null;
			}
			StringBuilder json = new StringBuilder("{");
			this.fields.forEach((key, value) -> json.append(json.length() > 1 ? ", " : "")
				.append('"')
				.append(key)
				.append("\": ")
				.append(value));
			this.duplicates.forEach((d) -> json.append(", \"").append(d[0]).append("\": ").append(d[1]));
			return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
		}

		private static String encode(String value) {
			return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
		}

	}

}
