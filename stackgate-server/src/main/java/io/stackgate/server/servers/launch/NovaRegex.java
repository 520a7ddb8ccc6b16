package io.stackgate.server.servers.launch;

/**
 * Nova's {@code name} filter is a regular expression, matched by the database: names are quoted before they go
 * into one.
 */
final class NovaRegex {

	private static final String SPECIAL = "\\.^$|?*+()[]{}";

	private NovaRegex() {
	}

	/** @return the name with every regular-expression character escaped */
	static String quote(String name) {
		StringBuilder quoted = new StringBuilder(name.length() + 8);
		for (char c : name.toCharArray()) {
			if (SPECIAL.indexOf(c) >= 0) {
				quoted.append('\\');
			}
			quoted.append(c);
		}
		return quoted.toString();
	}

}
