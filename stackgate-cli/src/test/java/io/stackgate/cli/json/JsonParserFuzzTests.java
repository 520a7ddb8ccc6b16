package io.stackgate.cli.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated tests of {@link JsonParser} with Jackson 3 as the oracle. Random values that
 * Jackson writes must parse to the tree Jackson reads from the same text, and random
 * edits of such text must be refused with a {@link JsonException} exactly where Jackson
 * refuses them, and read as Jackson reads them everywhere else. Seeded: a failure names
 * its seed and its input, which then becomes a case of {@code JsonParserTests}.
 */
class JsonParserFuzzTests {

	/** Jackson reading RFC 8259: numbers exactly, nothing after the value. */
	private static final JsonMapper JACKSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final String REJECTED = "<rejected>";

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3 })
	void readsWhatJacksonWritesAsJacksonReadsIt(long seed) {
		RandomJson random = new RandomJson(seed);
		for (int i = 0; i < 1000; i++) {
			Object value = random.value(4);
			String text = (i % 2 == 0) ? JACKSON.writeValueAsString(value)
					: JACKSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
			Object expected = jackson(text);
			assertThat(expected).as(describe(seed, text)).isNotEqualTo(REJECTED);
			assertThat(ours(text)).as(describe(seed, text)).isEqualTo(expected);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3 })
	void refusesAnEditedDocumentExactlyWhereJacksonDoes(long seed) {
		RandomJson random = new RandomJson(seed);
		int refused = 0;
		for (int i = 0; i < 3000; i++) {
			String text = random.mutate(JACKSON.writeValueAsString(random.value(3)));
			Object expected = jackson(text);
			assertThat(ours(text)).as(describe(seed, text)).isEqualTo(expected);
			refused += REJECTED.equals(expected) ? 1 : 0;
		}
		// Both outcomes are exercised, not only the easy one.
		assertThat(refused).isBetween(1000, 2900);
	}

	/**
	 * Our parser's tree, in the shape {@link #jackson} gives: objects as
	 * {@link JsonObject}s (so that the order of members counts) and every number a
	 * {@link BigDecimal} without trailing zeros.
	 */
	private static Object ours(String text) {
		Object tree;
		try {
			tree = JsonParser.parse(text);
		}
		catch (JsonException ex) {
			return REJECTED;
		}
		return normalize(tree);
	}

	private static Object normalize(Object tree) {
		if (tree instanceof Map<?, ?> map) {
			List<Member> members = new ArrayList<>();
			map.forEach((name, value) -> members.add(new Member((String) name, normalize(value))));
			return new JsonObject(members);
		}
		if (tree instanceof List<?> list) {
			return list.stream().map(JsonParserFuzzTests::normalize).toList();
		}
		if (tree instanceof Number number) {
			return new BigDecimal(number.toString()).stripTrailingZeros();
		}
		return tree;
	}

	private static Object jackson(String text) {
		JsonNode node;
		try {
			node = JACKSON.readTree(text);
		}
		catch (JacksonException | NumberFormatException ex) {
			// The latter for an exponent beyond an int's range, which Jackson cannot
			// hold.
			return REJECTED;
		}
		return (node == null || node.isMissingNode()) ? REJECTED : fromJackson(node);
	}

	private static Object fromJackson(JsonNode node) {
		if (node.isObject()) {
			return new JsonObject(node.properties()
				.stream()
				.map((member) -> new Member(member.getKey(), fromJackson(member.getValue())))
				.toList());
		}
		if (node.isArray()) {
			return node.values().stream().map(JsonParserFuzzTests::fromJackson).toList();
		}
		if (node.isNumber()) {
			return node.decimalValue().stripTrailingZeros();
		}
		if (node.isString()) {
			return node.stringValue();
		}
		return node.isBoolean() ? node.booleanValue() : null;
	}

	private static String describe(long seed, String text) {
		return "seed " + seed + ", input " + JACKSON.writeValueAsString(text);
	}

	/** An object, as the ordered list of its members. */
	private record JsonObject(List<Member> members) {

	}

	/** A member of an object. */
	private record Member(String name, Object value) {

	}

}
