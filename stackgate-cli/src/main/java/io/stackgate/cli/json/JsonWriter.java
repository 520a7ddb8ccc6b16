package io.stackgate.cli.json;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of {@link Map}, {@link List}, {@link String}, {@link Number},
 * {@link Boolean} and {@code null} as JSON, compact or indented by two spaces.
 */
final class JsonWriter {

	private final StringBuilder out = new StringBuilder();

	private final boolean pretty;

	private JsonWriter(boolean pretty) {
		this.pretty = pretty;
	}

	static String write(Object tree, boolean pretty) {
		JsonWriter writer = new JsonWriter(pretty);
		writer.value(tree, 0);
		return writer.out.toString();
	}

	private void value(Object value, int depth) {
		if (value == null) {
			this.out.append("null");
		}
		else if (value instanceof String string) {
			string(string);
		}
		else if (value instanceof Number || value instanceof Boolean) {
			this.out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			object(map, depth);
		}
		else if (value instanceof Iterable<?> iterable) {
			array(iterable, depth);
		}
		else {
			throw new JsonException("cannot write " + value.getClass().getName() + " as JSON");
		}
	}

	private void object(Map<?, ?> map, int depth) {
		if (map.isEmpty()) {
			this.out.append("{}");
			return;
		}
		this.out.append('{');
		Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
		while (entries.hasNext()) {
			Map.Entry<?, ?> entry = entries.next();
			newline(depth + 1);
			string(String.valueOf(entry.getKey()));
			this.out.append(this.pretty ? ": " : ":");
			value(entry.getValue(), depth + 1);
			if (entries.hasNext()) {
				this.out.append(',');
			}
		}
		newline(depth);
		this.out.append('}');
	}

	private void array(Iterable<?> iterable, int depth) {
		Iterator<?> items = iterable.iterator();
		if (!items.hasNext()) {
			this.out.append("[]");
			return;
		}
		this.out.append('[');
		while (items.hasNext()) {
			newline(depth + 1);
			value(items.next(), depth + 1);
			if (items.hasNext()) {
				this.out.append(',');
			}
		}
		newline(depth);
		this.out.append(']');
	}

	private void newline(int depth) {
		if (this.pretty) {
			this.out.append('\n');
			this.out.append("  ".repeat(depth));
		}
	}

	private void string(String string) {
		this.out.append('"');
		for (int i = 0; i < string.length(); i++) {
			char c = string.charAt(i);
			switch (c) {
				case '"' -> this.out.append("\\\"");
				case '\\' -> this.out.append("\\\\");
				case '\n' -> this.out.append("\\n");
				case '\r' -> this.out.append("\\r");
				case '\t' -> this.out.append("\\t");
				case '\b' -> this.out.append("\\b");
				case '\f' -> this.out.append("\\f");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						this.out.append(String.format("\\u%04x", (int) c));
					}
					else {
						this.out.append(c);
					}
				}
			}
		}
		this.out.append('"');
	}

}
