package io.stackgate.cli.json;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

import io.stackgate.api.ServerStatus;

/**
 * Binds JSON trees to the wire model's records and back, the way the gateway's Jackson
 * does it: the names of {@link JsonProperty}, else snake_case, ISO-8601 instants, enums
 * by their {@link JsonValue} or name. Unknown properties are ignored, missing ones are
 * {@code null} (or zero), and an unknown {@link ServerStatus} becomes
 * {@link ServerStatus#UNKNOWN}.
 */
final class RecordBinder {

	private RecordBinder() {
	}

	static Object bind(Object tree, Type type) {
		if (type instanceof ParameterizedType parameterized) {
			return bindGeneric(tree, parameterized);
		}
		if (!(type instanceof Class<?> cls)) {
			throw new JsonException("unsupported type " + type);
		}
		if (cls.isPrimitive()) {
			return bindPrimitive(tree, cls);
		}
		if (tree == null) {
			return null;
		}
		if (cls == Object.class) {
			return tree;
		}
		if (cls == String.class) {
			return (tree instanceof Map || tree instanceof List) ? fail(tree, cls) : tree.toString();
		}
		if (cls == Integer.class || cls == Long.class || cls == Boolean.class || cls == Double.class) {
			return bindPrimitive(tree, cls);
		}
		if (cls == Instant.class) {
			return bindInstant(tree);
		}
		if (cls.isEnum()) {
			return bindEnum(tree, cls);
		}
		if (cls.isRecord()) {
			if (!(tree instanceof Map<?, ?> map)) {
				return fail(tree, cls);
			}
			return RecordShape.of(cls).create(map);
		}
		if (List.class.isAssignableFrom(cls) || Map.class.isAssignableFrom(cls)) {
			return tree;
		}
		return fail(tree, cls);
	}

	private static Object bindGeneric(Object tree, ParameterizedType type) {
		if (tree == null) {
			return null;
		}
		Type raw = type.getRawType();
		Type[] args = type.getActualTypeArguments();
		if (raw == List.class && tree instanceof List<?> list) {
			List<Object> result = new ArrayList<>(list.size());
			for (Object item : list) {
				result.add(bind(item, args[0]));
			}
			return result;
		}
		if (raw == Map.class && tree instanceof Map<?, ?> map) {
			Map<String, Object> result = new LinkedHashMap<>();
			map.forEach((key, value) -> result.put(key.toString(), bind(value, args[1])));
			return result;
		}
		return fail(tree, type);
	}

	private static Object bindPrimitive(Object tree, Class<?> cls) {
		if (cls == boolean.class || cls == Boolean.class) {
			if (tree == null) {
				return (cls == boolean.class) ? Boolean.FALSE : null;
			}
			return (tree instanceof Boolean) ? tree : fail(tree, cls);
		}
		if (tree == null) {
			return (cls.isPrimitive()) ? zero(cls) : null;
		}
		if (!(tree instanceof Number number)) {
			return fail(tree, cls);
		}
		if (cls == int.class || cls == Integer.class) {
			return (int) integral(number, cls, Integer.MIN_VALUE, Integer.MAX_VALUE);
		}
		if (cls == long.class || cls == Long.class) {
			return integral(number, cls, Long.MIN_VALUE, Long.MAX_VALUE);
		}
		if (cls == double.class || cls == Double.class) {
			return number.doubleValue();
		}
		return fail(tree, cls);
	}

	/**
	 * The number's integral part; a number outside {@code [min, max]} is refused, not
	 * wrapped, and before any arithmetic (the remainder of 1e999999 alone runs for over a
	 * minute).
	 */
	private static long integral(Number number, Class<?> cls, long min, long max) {
		BigDecimal value = new BigDecimal(number.toString());
		if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
			fail(number, cls);
		}
		return value.longValue();
	}

	private static Object zero(Class<?> cls) {
		if (cls == long.class) {
			return 0L;
		}
		return (cls == double.class) ? 0.0d : (Object) 0;
	}

	private static Instant bindInstant(Object tree) {
		if (tree instanceof Number number) {
			long whole = integral(number, Instant.class, Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond());
			BigDecimal seconds = new BigDecimal(number.toString());
			return Instant.ofEpochSecond(whole, seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
		}
		String text = tree.toString();
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			try {
				return OffsetDateTime.parse(text).toInstant();
			}
			catch (DateTimeParseException ex2) {
				throw new JsonException("not an ISO-8601 instant: '" + text + "'", ex2);
			}
		}
	}

	private static Object bindEnum(Object tree, Class<?> cls) {
		String text = tree.toString();
		if (cls == ServerStatus.class) {
			return ServerStatus.fromNova(text);
		}
		for (Object constant : cls.getEnumConstants()) {
			if (wireName(constant).equals(text)) {
				return constant;
			}
		}
		for (Object constant : cls.getEnumConstants()) {
			if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
				return constant;
			}
		}
		return null;
	}

	/**
	 * Turns a value into a JSON tree: records become maps with snake_case keys (null
	 * components left out), enums their wire names, instants ISO-8601 strings.
	 * @param value the value
	 * @return a tree for {@link JsonWriter}
	 */
	static Object toTree(Object value) {
		if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
			return value;
		}
		if (value instanceof Enum<?> constant) {
			return wireName(constant);
		}
		if (value instanceof Instant instant) {
			return instant.toString();
		}
		if (value instanceof Record record) {
			return RecordShape.of(record.getClass()).toTree(record);
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> tree = new LinkedHashMap<>();
			map.forEach((key, item) -> tree.put(String.valueOf(key), toTree(item)));
			return tree;
		}
		if (value instanceof Iterable<?> iterable) {
			List<Object> tree = new ArrayList<>();
			iterable.forEach((item) -> tree.add(toTree(item)));
			return tree;
		}
		throw new JsonException("cannot write " + value.getClass().getName() + " as JSON");
	}

	static String wireName(Object constant) {
		for (Method method : constant.getClass().getMethods()) {
			if (method.isAnnotationPresent(JsonValue.class) && method.getParameterCount() == 0) {
				try {
					return String.valueOf(method.invoke(constant));
				}
				catch (ReflectiveOperationException ex) {
					throw new JsonException("cannot read " + method, ex);
				}
			}
		}
		return ((Enum<?>) constant).name();
	}

	static String snakeCase(String camelCase) {
		StringBuilder sb = new StringBuilder(camelCase.length() + 4);
		for (int i = 0; i < camelCase.length(); i++) {
			char c = camelCase.charAt(i);
			if (Character.isUpperCase(c)) {
				if (i > 0) {
					sb.append('_');
				}
				sb.append(Character.toLowerCase(c));
			}
			else {
				sb.append(c);
			}
		}
		return sb.toString();
	}

	private static Object fail(Object tree, Type type) {
		String found = (tree instanceof Map) ? "an object" : (tree instanceof List) ? "an array" : "'" + tree + "'";
		throw new JsonException("expected " + simpleName(type) + " but found " + found);
	}

	private static String simpleName(Type type) {
		return (type instanceof Class<?> cls) ? cls.getSimpleName().toLowerCase(Locale.ROOT) : type.getTypeName();
	}

}
