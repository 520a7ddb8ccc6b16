package io.stackgate.cli.output;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How a cell value reads as text in the {@code table} and {@code value} formats, as in
 * python-openstackclient: {@code private=10.0.0.5, fd00::5; public=172.24.4.9} for a map
 * of lists.
 */
final class Cells {

	private Cells() {
	}

	static String text(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Boolean bool) {
			return bool ? "True" : "False";
		}
		if (value instanceof Map<?, ?> map) {
			StringJoiner joiner = new StringJoiner("; ");
			map.forEach((key, item) -> joiner.add(key + "=" + text(item)));
			return joiner.toString();
		}
		if (value instanceof List<?> list) {
			StringJoiner joiner = new StringJoiner(", ");
			list.forEach((item) -> joiner.add(text(item)));
			return joiner.toString();
		}
		return value.toString();
	}

}
