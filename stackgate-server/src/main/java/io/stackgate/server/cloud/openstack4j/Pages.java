package io.stackgate.server.cloud.openstack4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Walks {@code limit}/{@code marker} pagination, which openstack4j's list calls leave to
 * the caller: each of them returns a single page.
 */
final class Pages {

	/**
	 * The largest page Nova and Glance serve by default ({@code max_limit},
	 * {@code api_limit_max}).
	 */
	static final int MAX_PAGE_SIZE = 1000;

	private Pages() {
	}

	/**
	 * @param fetch fetches one page for the given query parameters
	 * @param id the id of an item, which is the marker of the page after it
	 * @return the items of every page
	 */
	static <T> List<T> walk(Function<Map<String, String>, List<? extends T>> fetch, Function<T, String> id) {
		return walk(fetch, id, null);
	}

	/**
	 * @param fetch fetches one page for the given query parameters
	 * @param id the id of an item, which is the marker of the page after it
	 * @param start the marker to start after, or {@code null} for the first page
	 * @return the items of every page after the start
	 */
	static <T> List<T> walk(Function<Map<String, String>, List<? extends T>> fetch, Function<T, String> id,
			String start) {
		List<T> all = new ArrayList<>();
		Set<String> seenMarkers = new HashSet<>();
		String marker = start;
		do {
			List<? extends T> page = fetch.apply(query(MAX_PAGE_SIZE, marker));
			all.addAll(page);
			marker = (page.size() < MAX_PAGE_SIZE) ? null : id.apply(page.get(page.size() - 1));
		}
		while (marker != null && seenMarkers.add(marker));
		return all;
	}

	/**
	 * @return the query parameters of one page
	 */
	static Map<String, String> query(int limit, String marker) {
		Map<String, String> query = new HashMap<>();
		query.put("limit", String.valueOf(limit));
		if (marker != null) {
			query.put("marker", marker);
		}
		return query;
	}

}
