package io.stackgate.cli.output;

import java.io.PrintWriter;
import java.util.Map;

/**
 * Prints tables in one output format.
 */
interface Formatter {

	/**
	 * Prints a listing ({@code server list}).
	 * @param table the rows
	 * @param out where to
	 */
	void list(Table table, PrintWriter out);

	/**
	 * Prints one object ({@code server show}) as field/value pairs.
	 * @param table one row; the headers are the field names
	 * @param out where to
	 */
	void one(Table table, PrintWriter out);

	/**
	 * Prints several named listings ({@code launch-options}).
	 * @param sections listings by section key, for example {@code flavors}
	 * @param out where to
	 */
	void sections(Map<String, Table> sections, PrintWriter out);

}
