package io.stackgate.server.servers;

import java.time.Instant;
import java.util.List;

import io.stackgate.api.ServerDto;

/**
 * One page of the project's servers, with flavor and image names.
 *
 * @param servers the servers, newest first
 * @param nextMarker the marker of the next page, or {@code null} when this is the last
 * one
 * @param asOf when the live view they come from last saw Nova, or {@code null} when Nova
 * was asked now
 */
public record ServerList(List<ServerDto> servers, String nextMarker, Instant asOf) {
}
