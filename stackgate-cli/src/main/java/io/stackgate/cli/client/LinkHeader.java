package io.stackgate.cli.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code rel="next"} target of an RFC 8288 {@code Link} header.
 */
final class LinkHeader {

	private static final Pattern LINK = Pattern
		.compile("<([^>]*)>\\s*((?:;\\s*[^;,=\\s]+\\s*(?:=\\s*(?:\"[^\"]*\"|[^;,]*))?)*)");

	private static final Pattern REL_NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*)\"?");

	private LinkHeader() {
	}

	/**
	 * The target of the {@code next} link.
	 * @param header the header value, may be {@code null}
	 * @return the target as written (often a path), or {@code null} when there is no next
	 * link
	 */
	static String next(String header) {
		if (header == null) {
			return null;
		}
		Matcher link = LINK.matcher(header);
		while (link.find()) {
			Matcher rel = REL_NEXT.matcher(link.group(2));
			while (rel.find()) {
				for (String value : rel.group(1).trim().split("\\s+")) {
					if (value.equalsIgnoreCase("next")) {
						return link.group(1).trim();
					}
				}
			}
		}
		return null;
	}

}
