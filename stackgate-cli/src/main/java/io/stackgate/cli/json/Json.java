package io.stackgate.cli.json;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;

/**
 * JSON for the CLI: reads the gateway's responses into the wire model's records and
 * writes requests and output. It speaks the same dialect as the gateway's Jackson
 * (snake_case, ISO-8601 instants, unknown properties ignored).
 * <p>
 * Why not Jackson: the CLI is a short-lived process and Jackson's databind costs 150 to
 * 300 ms of start-up on every invocation (measured in docs/performance.md), more than the
 * rest of the CLI together. The wire model is a handful of flat records, so a small
 * reflective binder does the job; {@code JsonCompatibilityTests} keeps it honest against
 * Jackson 3.
 */
public final class Json {

	private Json() {
	}

	/**
	 * Parses JSON text into the given type.
	 * @param <T> the type
	 * @param text JSON text
	 * @param type a record, enum, {@link String}, boxed number or boolean, or
	 * {@link Object} for the raw tree
	 * @return the value
	 * @throws JsonException when the text is not JSON or does not fit the type
	 */
	@SuppressWarnings("unchecked")
	public static <T> T read(String text, Class<T> type) {
		return (T) RecordBinder.bind(JsonParser.parse(text), type);
	}

	/**
	 * Parses a JSON array into a list.
	 * @param <T> the element type
	 * @param text JSON text
	 * @param elementType the type of each element
	 * @return the list, never {@code null}
	 * @throws JsonException when the text is not a JSON array or does not fit the type
	 */
	@SuppressWarnings("unchecked")
	public static <T> List<T> readList(String text, Class<T> elementType) {
		Object tree = JsonParser.parse(text);
		if (!(tree instanceof List)) {
			throw new JsonException("expected a JSON array");
		}
		return (List<T>) RecordBinder.bind(tree, listOf(elementType));
	}

	/**
	 * Writes a value as compact JSON.
	 * @param value a record, map, list, string, number, boolean, enum, instant or
	 * {@code null}
	 * @return JSON text
	 */
	public static String write(Object value) {
		return JsonWriter.write(RecordBinder.toTree(value), false);
	}

	/**
	 * Writes a value as JSON indented by two spaces.
	 * @param value a record, map, list, string, number, boolean, enum, instant or
	 * {@code null}
	 * @return JSON text, without a final newline
	 */
	public static String writePretty(Object value) {
		return JsonWriter.write(RecordBinder.toTree(value), true);
	}

	private static Type listOf(Class<?> elementType) {
		return new ParameterizedType() {

			@Override
			public Type[] getActualTypeArguments() {
				return new Type[] { elementType };
			}

			@Override
			public Type getRawType() {
				return List.class;
			}

			@Override
			public Type getOwnerType() {
				return null;
			}

		};
	}

}
