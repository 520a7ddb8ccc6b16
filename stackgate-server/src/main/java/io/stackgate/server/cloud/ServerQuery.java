package io.stackgate.server.cloud;

import io.stackgate.api.ServerStatus;

/**
 * Which servers to list.
 *
 * @param name a Nova name filter (a regular expression), or {@code null}
 * @param status only servers in this status, or {@code null}
 * @param limit the page size, or {@code null} for every server
 * @param marker the id of the last server of the previous page, or {@code null}
 */
public record ServerQuery(String name, ServerStatus status, Integer limit, String marker) {
}
