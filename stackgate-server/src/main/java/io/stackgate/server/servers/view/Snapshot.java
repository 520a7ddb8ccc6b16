package io.stackgate.server.servers.view;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
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
	 * @param known the servers as a view knew them
	 * @param changed what Nova says changed since, deleted servers included
	 * @return the servers as they are now, by id: a deleted server shows up in every
	 * changes-since of the overlap, so removing it again is a no-op
	 */
	static Map<String, ServerDto> merge(Map<String, ServerDto> known, List<ServerDto> changed) {
		Map<String, ServerDto> next = new HashMap<>(known);
		for (ServerDto server : changed) {
			if (server.status() == ServerStatus.DELETED) {
				next.remove(server.id());
			}
			else {
				next.put(server.id(), server);
			}
		}
		return next;
	}

	/**
	 * @return how old the snapshot is, or {@code null} before the first refresh
	 */
	Duration age(Instant now) {
		return (this.asOf != null) ? Duration.between(this.asOf, now) : null;
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
