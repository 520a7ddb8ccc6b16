package io.stackgate.cli.client;

import java.util.List;
import java.util.Map;

/**
 * A response from the gateway, body read in full.
 *
 * @param status the HTTP status
 * @param headers the response headers as {@link java.net.HttpURLConnection} gives them
 * @param body the body, empty when there is none
 */
record HttpResponse(int status, Map<String, List<String>> headers, String body) {

	/**
	 * The first value of a header, whatever the case of its name.
	 * @param name the header name
	 * @return the value, or {@code null}
	 */
	String header(String name) {
		for (Map.Entry<String, List<String>> entry : this.headers.entrySet()) {
			if (name.equalsIgnoreCase(entry.getKey()) && !entry.getValue().isEmpty()) {
				return entry.getValue().get(0);
			}
		}
		return null;
	}

}
