package io.stackgate.cli.output;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.stackgate.cli.json.Json;

/**
 * The {@code json} format: an array of objects keyed by column name, or one object,
 * indented by two spaces.
 */
final class JsonFormatter implements Formatter {

	@Override
	public void list(Table table, PrintWriter out) {
		out.println(Json.writePretty(table.toMaps()));
	}

	@Override
	public void one(Table table, PrintWriter out) {
		out.println(Json.writePretty(table.toMaps().get(0)));
	}

	@Override
	public void sections(Map<String, Table> sections, PrintWriter out) {
		Map<String, Object> document = new LinkedHashMap<>();
		sections.forEach((key, table) -> document.put(key, table.toMaps()));
		out.println(Json.writePretty(document));
	}

}
