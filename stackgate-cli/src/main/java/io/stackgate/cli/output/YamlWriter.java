package io.stackgate.cli.output;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes maps, lists and scalars as block-style YAML, the way PyYAML lays it out for
 * {@code openstack -f yaml}. Strings are left plain only when no YAML 1.1 or 1.2 reader
 * could take them for anything else (a number, a boolean, a date, null, syntax);
 * otherwise they are double-quoted.
 * <p>
 * Why not SnakeYAML: on a process that lives a fraction of a second it costs 14 to 44 ms
 * of CPU on {@code server list -f yaml} (228 more classes, a jar half as big again),
 * measured side by side in docs/cli.md; {@code YamlWriterTests} reads back with SnakeYAML
 * what this writes.
 */
final class YamlWriter {

	private static final Pattern PLAIN = Pattern
		.compile("[A-Za-z0-9_./()+]([A-Za-z0-9_./()+=,@ -]*[A-Za-z0-9_./()+=,@-])?");

	private static final Pattern NUMBER_LIKE = Pattern.compile(
			"[-+]?(\\.[0-9]+|[0-9][0-9_,]*(\\.[0-9_]*)?)([eE][-+]?[0-9]+)?|0[xob][0-9a-fA-F_]+|[-+]?\\.(inf|nan)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DATE_LIKE = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*");

	private static final Set<String> RESERVED = Set.of("null", "~", "true", "false", "yes", "no", "on", "off", "y",
			"n");

	private final StringBuilder out = new StringBuilder();

	private YamlWriter() {
	}

	static String write(Object document) {
		YamlWriter writer = new YamlWriter();
		if (isBlock(document)) {
			writer.block(document, 0, false);
		}
		else {
			writer.out.append(scalar(document)).append('\n');
		}
		return writer.out.toString();
	}

	private void block(Object value, int indent, boolean firstLineIndented) {
		if (value instanceof Map<?, ?> map) {
			map(map, indent, firstLineIndented);
		}
		else {
			list((List<?>) value, indent, firstLineIndented);
		}
	}

	private void map(Map<?, ?> map, int indent, boolean firstLineIndented) {
		boolean first = true;
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (!first || !firstLineIndented) {
				this.out.append(" ".repeat(indent));
			}
			first = false;
			this.out.append(scalar(String.valueOf(entry.getKey()))).append(':');
			Object value = entry.getValue();
			if (value instanceof Map<?, ?> && isBlock(value)) {
				this.out.append('\n');
				block(value, indent + 2, false);
			}
			else if (isBlock(value)) {
				this.out.append('\n');
				block(value, indent, false);
			}
			else {
				this.out.append(' ').append(scalar(value)).append('\n');
			}
		}
	}

	private void list(List<?> list, int indent, boolean firstLineIndented) {
		Iterator<?> items = list.iterator();
		boolean first = true;
		while (items.hasNext()) {
			Object item = items.next();
			if (!first || !firstLineIndented) {
				this.out.append(" ".repeat(indent));
			}
			first = false;
			this.out.append("- ");
			if (isBlock(item)) {
				block(item, indent + 2, true);
			}
			else {
				this.out.append(scalar(item)).append('\n');
			}
		}
	}

	private static boolean isBlock(Object value) {
		return (value instanceof Map<?, ?> map && !map.isEmpty()) || (value instanceof List<?> list && !list.isEmpty());
	}

	static String scalar(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Map) {
			return "{}";
		}
		if (value instanceof List) {
			return "[]";
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		String text = value.toString();
		if (PLAIN.matcher(text).matches() && !NUMBER_LIKE.matcher(text).matches() && !DATE_LIKE.matcher(text).matches()
				&& !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
			return text;
		}
		return quote(text);
	}

	private static String quote(String text) {
		StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
							|| c == '\ufeff') {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.append('"').toString();
	}

}
