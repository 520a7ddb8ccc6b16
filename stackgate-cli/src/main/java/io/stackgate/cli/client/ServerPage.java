package io.stackgate.cli.client;

import java.net.URI;
import java.util.List;

import io.stackgate.api.ServerDto;

/**
 * One page of {@code GET /api/v1/servers}.
 *
 * @param servers the servers on this page
 * @param next the URL of the next page (from the {@code Link} header), or {@code null} on
 * the last page
 */
public record ServerPage(List<ServerDto> servers, URI next) {
}
