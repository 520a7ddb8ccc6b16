package io.stackgate.cli.output;

import java.util.function.Function;

/**
 * One column of a listing, or one field of a single object.
 *
 * @param <T> the type of the listed objects
 * @param name the heading, as {@code openstack} names it ({@code ID}, {@code Name}, ...);
 * {@code -c} selects by it
 * @param value the cell value: a {@link String}, {@link Number}, {@link Boolean}, list,
 * map or {@code null}
 */
public record Column<T>(String name, Function<T, Object> value) {

	/**
	 * A column.
	 * @param <T> the type of the listed objects
	 * @param name the heading
	 * @param value the cell value
	 * @return the column
	 */
	public static <T> Column<T> of(String name, Function<T, Object> value) {
		return new Column<>(name, value);
	}

}
