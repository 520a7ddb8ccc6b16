package io.stackgate.server.servers;

import java.util.regex.Pattern;

import io.stackgate.server.problem.InvalidRequestException;
import io.stackgate.server.problem.ResourceNotFoundException;

/**
 * What can be a server id. Nova's ids are UUIDs; anything that is not letters, digits and
 * dashes ({@code ..}, {@code detail}, an id with {@code /}, {@code ?} or control
 * characters) names no server, and is answered before OpenStack is asked, so that it
 * never turns into another Nova URL.
 */
final class ServerIds {

	private static final Pattern ID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z-]{0,63}");

	/** Nova routes beside {@code /servers/{id}}: never a server's id. */
	private static final String DETAIL = "detail";

	private ServerIds() {
	}

	/**
	 * @return the id
	 * @throws ResourceNotFoundException when it cannot be a server's id
	 */
	static String require(String id) {
		if (!isPossible(id)) {
			throw new ResourceNotFoundException("server", printable(id));
		}
		return id;
	}

	/**
	 * @return the marker, or {@code null}
	 * @throws InvalidRequestException when it cannot be a server's id
	 */
	static String requireMarker(String marker) {
		if (marker != null && !isPossible(marker)) {
			throw InvalidRequestException.badField("marker", "must be the id of a server of the previous page");
		}
		return marker;
	}

	private static boolean isPossible(String id) {
		return id != null && ID.matcher(id).matches() && !DETAIL.equalsIgnoreCase(id);
	}

	/** The id for a message: without control characters, and short. */
	private static String printable(String id) {
		String visible = (id == null) ? "" : id.replaceAll("\\p{Cntrl}", "?");
		return (visible.length() > 64) ? visible.substring(0, 64) + "..." : visible;
	}

}
