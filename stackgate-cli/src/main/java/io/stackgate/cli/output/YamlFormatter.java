package io.stackgate.cli.output;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code yaml} format: the same document as {@code json}, in YAML block style.
 */
final class YamlFormatter implements Formatter {

	@Override
	public void list(Table table, PrintWriter out) {
		out.print(YamlWriter.write(table.toMaps()));
	}

	@Override
	public void one(Table table, PrintWriter out) {
		out.print(YamlWriter.write(table.toMaps().get(0)));
	}

	@Override
	public void sections(Map<String, Table> sections, PrintWriter out) {
		Map<String, Object> document = new LinkedHashMap<>();
		sections.forEach((key, table) -> document.put(key, table.toMaps()));
		out.print(YamlWriter.write(document));
	}

}
