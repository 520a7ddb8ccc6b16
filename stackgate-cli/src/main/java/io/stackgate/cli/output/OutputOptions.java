package io.stackgate.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code -f/--format} and {@code -c/--column}, mixed into every command that prints
 * resources.
 */
public class OutputOptions {

	@Spec(Spec.Target.MIXEE)
	private CommandSpec mixee;

	@Option(names = { "-f", "--format" }, paramLabel = "FORMAT", defaultValue = "table",
			completionCandidates = OutputFormat.Candidates.class,
			description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
	private OutputFormat format = OutputFormat.TABLE;

	@Option(names = { "-c", "--column" }, paramLabel = "COLUMN",
			description = "Print only this column (repeat for several, in that order).")
	private List<String> columns = new ArrayList<>();

	/**
	 * The chosen format.
	 * @return the format
	 */
	public OutputFormat format() {
		return this.format;
	}

	/**
	 * Prints a listing.
	 * @param <T> the type of the objects
	 * @param out where to
	 * @param columns every column the listing has
	 * @param items the objects
	 */
	public <T> void printList(PrintWriter out, List<Column<T>> columns, List<T> items) {
		this.format.formatter().list(Table.of(select(columns), items), out);
	}

	/**
	 * Prints one object as field/value pairs.
	 * @param <T> the type of the object
	 * @param out where to
	 * @param fields every field the object has
	 * @param item the object
	 */
	public <T> void printOne(PrintWriter out, List<Column<T>> fields, T item) {
		this.format.formatter().one(Table.of(select(fields), List.of(item)), out);
	}

	/**
	 * Prints several listings under section keys. {@code -c} picks columns in every
	 * section that has them.
	 * @param out where to
	 * @param sections the tables, by section key
	 */
	public void printSections(PrintWriter out, Map<String, Section<?>> sections) {
		Map<String, Table> tables = new LinkedHashMap<>();
		List<String> known = new ArrayList<>();
		sections.forEach((key, section) -> {
			Table table = section.table(this.columns);
			if (!table.headers().isEmpty()) {
				tables.put(key, table);
			}
			section.columns().forEach((column) -> known.add(column.name()));
		});
		for (String wanted : this.columns) {
			if (known.stream().noneMatch(wanted::equalsIgnoreCase)) {
				throw unknownColumn(wanted, known);
			}
		}
		this.format.formatter().sections(tables, out);
	}

	private <T> List<Column<T>> select(List<Column<T>> available) {
		if (this.columns.isEmpty()) {
			return available;
		}
		List<Column<T>> selected = new ArrayList<>();
		for (String wanted : this.columns) {
			Column<T> column = find(available, wanted);
			if (column == null) {
				throw unknownColumn(wanted, available.stream().map(Column::name).toList());
			}
			selected.add(column);
		}
		return selected;
	}

	private static <T> Column<T> find(List<Column<T>> available, String wanted) {
		for (Column<T> column : available) {
			if (column.name().equals(wanted)) {
				return column;
			}
		}
		for (Column<T> column : available) {
			if (column.name().equalsIgnoreCase(wanted)) {
				return column;
			}
		}
		return null;
	}

	private ParameterException unknownColumn(String wanted, List<String> available) {
		return new ParameterException(this.mixee.commandLine(), "Unknown column '" + wanted + "'; choose from "
				+ available.stream().distinct().map((name) -> "'" + name + "'").collect(Collectors.joining(", ")));
	}

	/**
	 * One section of {@link #printSections}.
	 *
	 * @param <T> the type of its objects
	 * @param columns its columns
	 * @param items its objects
	 */
	public record Section<T>(List<Column<T>> columns, List<T> items) {

		Table table(List<String> wanted) {
			if (wanted.isEmpty()) {
				return Table.of(this.columns, this.items);
			}
			List<Column<T>> selected = new ArrayList<>();
			for (String name : wanted) {
				Column<T> column = find(this.columns, name);
				if (column != null) {
					selected.add(column);
				}
			}
			return Table.of(selected, this.items);
		}

	}

}
