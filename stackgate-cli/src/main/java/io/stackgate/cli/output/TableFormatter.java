package io.stackgate.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code table} format: an ASCII box like {@code openstack}'s, numbers right-aligned,
 * nothing at all for an empty listing.
 */
final class TableFormatter implements Formatter {

	@Override
	public void list(Table table, PrintWriter out) {
		if (!table.rows().isEmpty()) {
			print(table, out);
		}
	}

	@Override
	public void one(Table table, PrintWriter out) {
		List<List<Object>> rows = new ArrayList<>();
		List<Object> values = table.rows().get(0);
		for (int i = 0; i < table.headers().size(); i++) {
			rows.add(List.of(table.headers().get(i), Cells.text(values.get(i))));
		}
		print(new Table(List.of("Field", "Value"), rows), out);
	}

	@Override
	public void sections(Map<String, Table> sections, PrintWriter out) {
		boolean first = true;
		for (Map.Entry<String, Table> section : sections.entrySet()) {
			if (!first) {
				out.println();
			}
			first = false;
			String key = section.getKey();
			out.println(key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1) + ":");
			list(section.getValue(), out);
		}
	}

	private static void print(Table table, PrintWriter out) {
		int columns = table.headers().size();
		List<String[][]> rows = new ArrayList<>();
		int[] widths = new int[columns];
		boolean[] numeric = new boolean[columns];
		for (int c = 0; c < columns; c++) {
			widths[c] = table.headers().get(c).length();
			numeric[c] = true;
		}
		for (List<Object> row : table.rows()) {
			String[][] cells = new String[columns][];
			for (int c = 0; c < columns; c++) {
				Object value = row.get(c);
				numeric[c] &= value == null || value instanceof Number;
				cells[c] = Cells.text(value).split("\r?\n", -1);
				for (String line : cells[c]) {
					widths[c] = Math.max(widths[c], line.length());
				}
			}
			rows.add(cells);
		}
		String rule = rule(widths);
		out.println(rule);
		String[][] header = new String[columns][];
		for (int c = 0; c < columns; c++) {
			header[c] = new String[] { table.headers().get(c) };
		}
		printRow(header, widths, new boolean[columns], out);
		out.println(rule);
		for (String[][] cells : rows) {
			printRow(cells, widths, numeric, out);
		}
		out.println(rule);
	}

	private static void printRow(String[][] cells, int[] widths, boolean[] rightAligned, PrintWriter out) {
		int height = 1;
		for (String[] lines : cells) {
			height = Math.max(height, lines.length);
		}
		for (int line = 0; line < height; line++) {
			StringBuilder sb = new StringBuilder("|");
			for (int c = 0; c < cells.length; c++) {
				String text = (line < cells[c].length) ? cells[c][line] : "";
				String padding = " ".repeat(widths[c] - text.length());
				sb.append(' ').append(rightAligned[c] ? padding + text : text + padding).append(" |");
			}
			out.println(sb);
		}
	}

	private static String rule(int[] widths) {
		StringBuilder sb = new StringBuilder("+");
		for (int width : widths) {
			sb.append("-".repeat(width + 2)).append('+');
		}
		return sb.toString();
	}

}
