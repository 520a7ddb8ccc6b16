package io.stackgate.server.servers.view;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stackgate.api.ServerDto;
import io.stackgate.server.problem.InvalidRequestException;

/**
 * A view's servers at one moment, newest first; immutable, so that lists read it without
 * locking.
 *
 * @param servers the servers, in Nova's order
 * @param byId the same servers by id
 * @param asOf when the refresh that read them started, {@code null} before the first
 */
record Snapshot(List<ServerDto> servers, Map<String, ServerDto> byId, Instant asOf) {

	static final Snapshot EMPTY = new Snapshot(List.of(), Map.of(), null);

	/** Nova's default order: newest first, then by id. */
	private static final Comparator<ServerDto> NEWEST_FIRST = Comparator
		.comparing(ServerDto::created, Comparator.nullsFirst(Comparator.reverseOrder()))
		.thenComparing(ServerDto::id, Comparator.reverseOrder());

	/**
	 * @return the servers in Nova's order, as of the start of the refresh that read them
	 */
	static Snapshot of(List<ServerDto> servers, Instant asOf) {
		List<ServerDto> sorted = servers.stream().sorted(NEWEST_FIRST).toList();
		Map<String, ServerDto> byId = new HashMap<>();
		sorted.forEach((server) -> byId.put(server.id(), server));
		return new Snapshot(sorted, byId, asOf);
	}

	/**
	 * @param limit the page size, or {@code null} for every server
	 * @param marker the id of the last server of the previous page, or {@code null}
	 * @throws InvalidRequestException when the marker is not a server of the list
	 */
	ViewPage page(ServerFilter filter, Integer limit, String marker) {
		List<ServerDto> matching = this.servers.stream().filter(filter::matches).toList();
		int from = 0;
		if (marker != null) {
			int index = indexOf(matching, marker);
			if (index < 0) {
				throw InvalidRequestException.badField("marker", "no server '" + marker + "' in this list");
			}
			from = index + 1;
		}
		int to = (limit == null) ? matching.size() : Math.min(matching.size(), from + limit);
		String next = (to < matching.size() && to > from) ? matching.get(to - 1).id() : null;
		return new ViewPage(matching.subList(from, to), next, this.asOf);
	}

	private static int indexOf(List<ServerDto> servers, String id) {
		for (int i = 0; i < servers.size(); i++) {
			if (servers.get(i).id().equals(id)) {
				return i;
			}
		}
		return -1;
	}

}
