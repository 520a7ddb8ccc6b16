package io.stackgate.testing.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import tools.jackson.databind.JsonNode;

import io.stackgate.testing.hostile.ApiDescription.Operation;

/**
 * Mutations of the body: a field of the wrong type, too long, with control characters or
 * a number past int and long, duplicate, missing or unknown keys, a body that is no
 * object, another content type, and an Idempotency-Key replayed with a changed body.
 * Server names keep the run's prefix.
 */
final class BodyMutations {

	private final Choices choices;

	private final Fixtures fixtures;

	BodyMutations(Choices choices, Fixtures fixtures) {
		this.choices = choices;
		this.fixtures = fixtures;
	}

	List<HostileRequest> wrongType(RequestDraft valid) {
		return withField(valid, "wrong type", (schema, value) -> this.choices.pick(Mutations.WRONG_TYPES));
	}

	List<HostileRequest> longString(RequestDraft valid) {
		int length = this.choices.pick(List.of(60, 61, 254, 255, 256, 1000, 70_000));
		return withField(valid, "length " + length, (schema, value) -> keepPrefix(value, "y".repeat(length), length));
	}

	List<HostileRequest> strangeText(RequestDraft valid) {
		String text = this.choices.pick(Mutations.STRANGE_TEXT);
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

	List<HostileRequest> number(RequestDraft valid) {
		String number = this.choices.pick(Mutations.NUMBERS);
		RequestDraft copy = valid.copy();
		List<String> integers = properties(valid.operation, "integer");
		if (integers.isEmpty()) {
			return List.of();
		}
		copy.fields.put(this.choices.pick(integers), number);
		if (this.choices.nextBoolean()) {
			// A long name with a count: the suffixes -2 .. -10 may cross the name limit.
			List<String> named = valid.fields.keySet().stream().filter((k) -> isPrefixed(valid.fields.get(k))).toList();
			if (!named.isEmpty()) {
				int length = this.choices.pick(List.of(250, 252, 253, 254, 255));
				copy.fields.put(named.get(0), keepPrefix(valid.fields.get(named.get(0)), "z".repeat(length), length));
			}
		}
		return List.of(copy.build("number " + number));
	}

	List<HostileRequest> duplicateKey(RequestDraft valid) {
		if (valid.fields.isEmpty()) {
			return List.of();
		}
		String key = this.choices.pick(new ArrayList<>(valid.fields.keySet()));
		RequestDraft copy = valid.copy();
		copy.duplicates.add(new String[] { key, this.choices.nextBoolean() ? valid.fields.get(key) : "\"other\"" });
		return List.of(copy.build("duplicate key " + key));
	}

	List<HostileRequest> missingField(RequestDraft valid) {
		if (valid.fields.isEmpty()) {
			return List.of();
		}
		RequestDraft copy = valid.copy();
		String key = this.choices.pick(new ArrayList<>(valid.fields.keySet()));
		copy.fields.remove(key);
		return List.of(copy.build("missing " + key));
	}

	List<HostileRequest> unknownField(RequestDraft valid) {
		if (valid.operation.body() == null) {
			return List.of();
		}
		RequestDraft copy = valid.copy();
		copy.fields.put(this.choices.pick(List.of("colour", "all_tenants", "__proto__", "Name", "id", "")),
				this.choices.pick(Mutations.WRONG_TYPES));
		return List.of(copy.build("unknown field"));
	}

	List<HostileRequest> notAnObject(RequestDraft valid) {
		if (valid.operation.body() == null) {
			return List.of();
		}
		RequestDraft copy = valid.copy();
		String raw = this.choices
			.pick(List.of("", "[]", "\"text\"", "1", "null", "{", "{\"name\": ", "{}", "{}{}", "\u0000",
					"[".repeat(3000) + "]".repeat(3000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000), "\uFEFF{}"));
		copy.rawBody = raw.getBytes(StandardCharsets.UTF_8);
		return List.of(copy.build("body " + (raw.length() > 20 ? raw.substring(0, 20) + "..." : raw)));
	}

	List<HostileRequest> contentType(RequestDraft valid) {
		RequestDraft copy = valid.copy();
		copy.contentType = this.choices
			.pick(List.of("text/plain", "application/xml", "", "application/x-www-form-urlencoded",
					"multipart/form-data; boundary=x", "application/json; charset=latin1", "application/json;;;", "*/*",
					"application/problem+json", "application/json-patch+json"));
		if (valid.operation.body() == null) {
			copy.rawBody = "{}".getBytes(StandardCharsets.UTF_8);
		}
		return List.of(copy.build("content type " + copy.contentType));
	}

	/**
	 * A launch with a key, the same key with a changed body, then the first request
	 * again: the first creates, the second must be refused and the third must replay the
	 * first.
	 */
	List<HostileRequest> replay(RequestDraft valid) {
		if (!valid.takesHeader("Idempotency-Key") || valid.fields.isEmpty()) {
			return List.of();
		}
		RequestDraft first = valid.copy();
		first.headers.removeIf((h) -> h[0].equals("Idempotency-Key"));
		first.headers.add(new String[] { "Idempotency-Key", "hostile-" + UUID.randomUUID() });
		RequestDraft changed = first.copy();
		String key = this.choices.pick(new ArrayList<>(valid.fields.keySet()));
		String value = valid.fields.get(key);
		changed.fields.put(key,
				isPrefixed(value) ? keepPrefix(value, "other", -1) : this.choices.pick(Mutations.WRONG_TYPES));
		return List.of(first.build("replay: first"), changed.build("replay: changed " + key),
				first.build("replay: again"));
	}

	private List<HostileRequest> withField(RequestDraft valid, String mutation,
			BiFunction<JsonNode, String, String> change) {
		if (valid.operation.body() == null) {
			return List.of();
		}
		List<Map.Entry<String, JsonNode>> properties = new ArrayList<>();
		valid.operation.body().path("properties").properties().forEach(properties::add);
		if (properties.isEmpty()) {
			return List.of();
		}
		Map.Entry<String, JsonNode> property = this.choices.pick(properties);
		RequestDraft copy = valid.copy();
		copy.fields.put(property.getKey(),
				change.apply(property.getValue(), valid.fields.getOrDefault(property.getKey(), "\"\"")));
		return List.of(copy.build(mutation + " in " + property.getKey()));
	}

	private static List<String> properties(Operation operation, String type) {
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

}
