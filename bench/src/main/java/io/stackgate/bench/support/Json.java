package io.stackgate.bench.support;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON with Jackson; a missing member or a wrong shape is a {@link BenchFailure} that
 * shows the JSON.
 */
public final class Json {

	public static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	public static JsonNode read(String text) {
		try {
			return MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			throw new BenchFailure("bad JSON (" + ex.getOriginalMessage() + "): " + preview(text), ex);
		}
	}

	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

	/**
	 * @return the member {@code name} of an object, which must be there (it may be JSON
	 * null)
	 */
	public static JsonNode field(JsonNode object, String name) {
		Console.require(object.isObject(), "expected a JSON object with '%s', got %s", name, preview(object));
		Console.require(object.has(name), "JSON object has no '%s': %s", name, preview(object));
		return object.get(name);
	}

	/**
	 * @return the string member {@code name} of an object
	 */
	public static String string(JsonNode object, String name) {
		JsonNode value = field(object, name);
		Console.require(value.isString(), "expected a string '%s' in %s", name, preview(object));
		return value.asString();
	}

	/**
	 * @param answer an OpenStack list, for example Nova's {@code {"flavors": [...]}}
	 * @param member its member holding the list
	 * @param name the name of the one element wanted
	 * @param what what an element is, for the failure: {@code flavor}
	 * @param hint added to the failure, where to get one: empty, or {@code "; ... makes
	 * them"}
	 * @return that element's id
	 */
	public static String idOfNamed(JsonNode answer, String member, String name, String what, String hint) {
		List<JsonNode> named = list(field(answer, member)).stream()
			.filter((item) -> name.equals(item.path("name").asString()))
			.toList();
		Console.require(named.size() == 1, "%d %ss named '%s' (expected one%s)", named.size(), what, name, hint);
		return string(named.get(0), "id");
	}

	/**
	 * @return the elements of an array
	 */
	public static List<JsonNode> list(JsonNode array) {
		Console.require(array.isArray(), "expected a JSON array, got %s", preview(array));
		List<JsonNode> elements = new ArrayList<>();
		array.forEach(elements::add);
		return elements;
	}

	private static String preview(Object value) {
		String text = String.valueOf(value);
		return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
	}

}
