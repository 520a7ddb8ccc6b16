package io.stackgate.cli.output;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The values of {@code -f/--format}.
 */
public enum OutputFormat {

	/** Boxed text table, the default. */
	TABLE(new TableFormatter()),

	/**
	 * JSON: an array of objects for a listing, one object otherwise; keys are the column
	 * names.
	 */
	JSON(new JsonFormatter()),

	/** YAML, shaped like {@link #JSON}. */
	YAML(new YamlFormatter()),

	/** Bare values, separated by spaces, a row per line: for shell scripts. */
	VALUE(new ValueFormatter());

	private final Formatter formatter;

	OutputFormat(Formatter formatter) {
		this.formatter = formatter;
	}

	Formatter formatter() {
		return this.formatter;
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The lower-case names, for help and shell completion. */
	public static final class Candidates implements Iterable<String> {

		@Override
		public Iterator<String> iterator() {
			return List.of("table", "json", "yaml", "value").iterator();
		}

	}

}
