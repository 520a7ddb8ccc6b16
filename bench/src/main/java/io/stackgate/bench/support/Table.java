package io.stackgate.bench.support;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The result table the benchmarks print:
 * {@code | # | measure | gateway | direct | ratio | target | result |} unless other
 * columns are given, columns padded to their widest cell, a rule under the header, a
 * blank line before and after.
 */
public final class Table {

	private static final String[] HEADER = { "#", "measure", "gateway", "direct", "ratio", "target", "result" };

	private final String[] header;

	private final List<String[]> rows = new ArrayList<>();

	public Table() {
		this(HEADER);
	}

	/** A table with these columns; add its rows with {@link #row}. */
	public Table(String... header) {
		this.header = header.clone();
	}

	public void add(String section, String measure, String gateway, String direct, String ratio, String target,
			String result) {
		row(section, measure, gateway, direct, ratio, target, result);
	}

	/** Adds a row: one cell per column. */
	public void row(String... cells) {
		if (cells.length != this.header.length) {
			throw new IllegalArgumentException(cells.length + " cells for " + this.header.length + " columns");
		}
		this.rows.add(cells.clone());
	}

	/**
	 * @return the rows so far, each as header name to cell, in order
	 */
	public List<Map<String, String>> rows() {
		List<Map<String, String>> rows = new ArrayList<>();
		for (String[] row : this.rows) {
			Map<String, String> cells = new LinkedHashMap<>();
			for (int i = 0; i < this.header.length; i++) {
				cells.put(this.header[i], row[i]);
			}
			rows.add(cells);
		}
		return rows;
	}

	/** Prints the table; it is also a Markdown table. */
	public void print(PrintStream out) {
		List<String[]> lines = new ArrayList<>();
		lines.add(this.header);
		lines.addAll(this.rows);
		int[] widths = new int[this.header.length];
		lines.forEach((line) -> Arrays.setAll(widths, (i) -> Math.max(widths[i], line[i].length())));
		lines.add(1, Arrays.stream(widths).mapToObj("-"::repeat).toArray(String[]::new));
		out.println();
		for (String[] line : lines) {
			StringBuilder text = new StringBuilder("|");
			for (int i = 0; i < line.length; i++) {
				text.append(' ').append(String.format("%-" + widths[i] + "s", line[i])).append(" |");
			}
			out.println(text);
		}
		out.println();
	}

	/**
	 * A figure with three significant digits or so: no decimals from {@code wholeFrom}
	 * up, one from 10, two below; "n/a" for NaN and infinity.
	 */
	public static String figure(double value, double wholeFrom) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return "n/a";
		}
		return String.format(Locale.ROOT,
				(Math.abs(value) >= wholeFrom) ? "%.0f" : (Math.abs(value) >= 10) ? "%.1f" : "%.2f", value);
	}

}
