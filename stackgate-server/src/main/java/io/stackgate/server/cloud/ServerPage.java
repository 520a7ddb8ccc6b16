package io.stackgate.server.cloud;

import java.util.List;

import io.stackgate.api.ServerDto;

/**
 * One page of servers.
 *
 * @param servers the servers, in Nova's order
 * @param nextMarker the marker of the next page, or {@code null} when this is the last
 * one
 */
public record ServerPage(List<ServerDto> servers, String nextMarker) {
}
