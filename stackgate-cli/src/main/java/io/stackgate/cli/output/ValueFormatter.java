package io.stackgate.cli.output;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The {@code value} format: a listing's cells separated by a space, a row per line; one
 * object's values a line each. For
 * {@code stackgate server list -f value -c ID | xargs ...}.
 */
final class ValueFormatter implements Formatter {

	@Override
	public void list(Table table, PrintWriter out) {
		for (List<Object> row : table.rows()) {
			StringJoiner line = new StringJoiner(" ");
			row.forEach((value) -> line.add(Cells.text(value)));
			out.println(line);
		}
	}

	@Override
	public void one(Table table, PrintWriter out) {
		table.rows().get(0).forEach((value) -> out.println(Cells.text(value)));
	}

	@Override
	public void sections(Map<String, Table> sections, PrintWriter out) {
		sections.values().forEach((table) -> list(table, out));
	}

}
