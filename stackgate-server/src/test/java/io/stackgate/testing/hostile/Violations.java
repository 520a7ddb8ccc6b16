package io.stackgate.testing.hostile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The violations a run found, one per kind (oracle, operation, mutation with its numbers
 * blurred, status): the first example kept, the others counted.
 */
final class Violations {

	private final Map<String, Violation> byKind = new LinkedHashMap<>();

	void add(int oracle, HostileRequest request, RawHttp.Response response, String what) {
		String key = oracle + "|" + request.operation() + "|" + request.mutation().replaceAll("[0-9]+", "#") + "|"
				+ response.status();
		Violation existing = this.byKind.get(key);
		if (existing != null) {
			existing.count++;
			return;
		}
		String body = response.body().replaceAll("\\s+", " ");
		this.byKind.put(key, new Violation(oracle, what, request.describe(), response.status(),
				(body.length() > 200) ? body.substring(0, 200) + "..." : body));
	}

	List<Violation> list() {
		return List.copyOf(this.byKind.values());
	}

}
