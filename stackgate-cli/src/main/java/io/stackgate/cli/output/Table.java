package io.stackgate.cli.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of cell values under headings: what every format prints.
 *
 * @param headers the column headings
 * @param rows the rows, each as long as {@code headers}
 */
public record Table(List<String> headers, List<List<Object>> rows) {

	/**
	 * Builds a table from objects.
	 * @param <T> the type of the objects
	 * @param columns the columns
	 * @param items the objects, one row each
	 * @return the table
	 */
	public static <T> Table of(List<Column<T>> columns, List<T> items) {
		List<String> headers = columns.stream().map(Column::name).toList();
		List<List<Object>> rows = new ArrayList<>(items.size());
		for (T item : items) {
			List<Object> row = new ArrayList<>(columns.size());
			for (Column<T> column : columns) {
				row.add(column.value().apply(item));
			}
			rows.add(row);
		}
		return new Table(headers, rows);
	}

	/**
	 * The rows as objects keyed by heading, for JSON and YAML.
	 * @return one insertion-ordered map per row
	 */
	public List<Map<String, Object>> toMaps() {
		List<Map<String, Object>> maps = new ArrayList<>(this.rows.size());
		for (List<Object> row : this.rows) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (int i = 0; i < this.headers.size(); i++) {
				map.put(this.headers.get(i), row.get(i));
			}
			maps.add(map);
		}
		return maps;
	}

}
