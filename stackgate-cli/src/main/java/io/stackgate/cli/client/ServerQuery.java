package io.stackgate.cli.client;

import io.stackgate.api.ServerStatus;

/**
 * The filters of {@code GET /api/v1/servers}; {@code null} leaves one out.
 *
 * @param name Nova's name filter: a regular expression, matched anywhere in the name
 * @param status only servers in this status
 * @param limit at most this many servers on a page
 * @param marker start after the server with this id
 */
public record ServerQuery(String name, ServerStatus status, Integer limit, String marker) {

	/** No filters: every server, on one page. */
	public static final ServerQuery ALL = new ServerQuery(null, null, null, null);

}
