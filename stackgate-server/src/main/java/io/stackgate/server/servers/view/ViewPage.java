package io.stackgate.server.servers.view;

import java.time.Instant;
import java.util.List;

import io.stackgate.api.ServerDto;

/**
 * One page of servers served from a view.
 *
 * @param servers the servers, newest first
 * @param nextMarker the marker of the next page, or {@code null} when this is the last
 * one
 * @param asOf when the view last saw Nova and Neutron: the servers are as they were then,
 * or newer
 */
public record ViewPage(List<ServerDto> servers, String nextMarker, Instant asOf) {
}
