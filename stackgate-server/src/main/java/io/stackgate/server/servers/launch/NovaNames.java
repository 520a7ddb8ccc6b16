package io.stackgate.server.servers.launch;

import java.util.regex.Pattern;

/**
 * The character rules of Nova's request schemas
 * ({@code nova/api/validation/parameter_types.py}), so that the gateway refuses what Nova
 * would refuse before anything is created.
 */
final class NovaNames {

	/** Nova's metadata key pattern. */
	private static final Pattern METADATA_KEY = Pattern.compile("[a-zA-Z0-9-_:. ]{1,255}");

	private NovaNames() {
	}

	/**
	 * Nova's "printable": no control, format, surrogate, private-use or unassigned
	 * characters, and no line or paragraph separators; letters, marks, numbers,
	 * punctuation, symbols and spaces are fine.
	 */
	static boolean isPrintable(String value) {
		return value.codePoints().allMatch(NovaNames::isPrintable);
	}

	static boolean isMetadataKey(String key) {
		return METADATA_KEY.matcher(key).matches();
	}

	private static boolean isPrintable(int codePoint) {
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
					Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
				false;
			default -> true;
		};
	}

}
