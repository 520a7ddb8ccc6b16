package io.stackgate.testing.hostile;

import java.util.Map;
import java.util.function.Supplier;

/**
 * What a valid request needs from the cloud under test: credentials, valid values of body
 * fields and parameters by name, and the prefix every server name of this run starts
 * with.
 *
 * @param authHeader the header that authenticates, for example {@code X-Auth-Token}
 * @param credential its valid value
 * @param namePrefix the start of every server name this run may create; mutations keep it
 * @param values valid values by field or parameter name (for example {@code flavor},
 * {@code networks}, {@code username}); a JSON text, or a supplier for values that change
 * (server ids)
 */
public record Fixtures(String authHeader, String credential, String namePrefix, Map<String, Supplier<String>> values) {

	/**
	 * @return a valid JSON value for the name, or {@code null} when there is none
	 */
	public String value(String name) {
		Supplier<String> value = this.values.get(name);
		return (value != null) ? value.get() : null;
	}

}
