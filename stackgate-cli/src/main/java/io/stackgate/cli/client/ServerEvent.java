package io.stackgate.cli.client;

import java.util.List;

import io.stackgate.api.ServerDto;

/**
 * One event of the gateway's server watch ({@code GET /api/v1/servers?watch=true}).
 *
 * @param id the event id, sent back as {@code Last-Event-ID} to resume after it
 * @param type {@code list} (the whole current list), {@code added}, {@code changed} or
 * {@code deleted}
 * @param servers for {@code list} every server, otherwise the one server concerned
 */
public record ServerEvent(String id, String type, List<ServerDto> servers) {

	/** The event that replaces everything a watcher has. */
	public static final String LIST = "list";

	/** The event of a server that went, or left the filter. */
	public static final String DELETED = "deleted";

}
