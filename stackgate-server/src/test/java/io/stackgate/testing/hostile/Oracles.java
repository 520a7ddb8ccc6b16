package io.stackgate.testing.hostile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks every answer against the promises of the README, and keeps the run's servers
 * within the quota:
 * <ol>
 * <li>no 5xx unless OpenStack failed, and then a 502, 503 or 504 that names the
 * service;</li>
 * <li>every error is an {@code application/problem+json} with a {@code request_id};</li>
 * <li>a refused request changes nothing in the cloud, as the cloud itself lists its
 * servers;</li>
 * <li>one Idempotency-Key never yields two sets of servers; a changed body under it is
 * refused, a retry replayed.</li>
 * </ol>
 */
final class Oracles {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Servers this run leaves alive at most, so that it stays within the project's quota.
	 */
	private static final int MAX_ALIVE = 3;

	private final CloudProbe cloud;

	private final Violations violations = new Violations();

	private final Map<String, Set<String>> launchesByKey = new LinkedHashMap<>();

	private final Map<String, String> bodyByKey = new LinkedHashMap<>();

	private final List<String> alive = new ArrayList<>();

	private final Set<String> gone = new HashSet<>();

	/**
	 * The servers after the last request that may write, reused as the next one's
	 * "before" while valid.
	 */
	private Set<String> lastSeen;

	Oracles(CloudProbe cloud) {
		this.cloud = cloud;
	}

	/**
	 * @return the servers before a request that may write, {@code null} before a read
	 */
	Set<String> before(HostileRequest request) throws Exception {
		if (!request.mayWrite()) {
			return null;
		}
		return (this.lastSeen != null) ? this.lastSeen : this.cloud.servers();
	}

	/**
	 * @param before what {@link #before} returned for the request
	 * @return the ids of the servers the answer says the request created
	 */
	List<String> check(HostileRequest request, RawHttp.Response response, Set<String> before) throws Exception {
		JsonNode body = parse(response.body());
		int status = response.status();
		if (status < 0) {
			this.violations.add(1, request, response, "the connection closed without an answer");
		}
		else if (status >= 500
				&& !(status >= 502 && status <= 504 && !body.path("openstack_service").asString("").isEmpty())) {
			this.violations.add(1, request, response, "a " + status + " that does not name a failed OpenStack service");
		}
		if (status >= 400) {
			String type = String.valueOf(response.header("Content-Type"));
			if (!type.startsWith("application/problem+json")) {
				this.violations.add(2, request, response, "an error of type " + type);
			}
			else if (!request.method().equals("HEAD") && body.path("request_id").asString("").isEmpty()) {
				this.violations.add(2, request, response, "a problem without request_id");
			}
		}
		if (status == 405 && String.valueOf(response.header("Allow")).contains("TRACE")) {
			this.violations.add(2, request, response, "405 that allows TRACE: " + response.header("Allow"));
		}
		List<String> created = createdIds(request, status, body);
		if (before != null) {
			checkCloud(request, response, before, created);
		}
		if (request.idempotencyKey() != null && request.method().equals("POST")) {
			checkKey(request, response, created);
		}
		return created;
	}

	/** Deletes the servers the run left alive. */
	void deleteAlive() throws Exception {
		for (String id : this.alive) {
			this.cloud.delete(id);
		}
	}

	/**
	 * @return the kinds of violation found, each with its first example
	 */
	List<Violation> violations() {
		return this.violations.list();
	}

	private void checkCloud(HostileRequest request, RawHttp.Response response, Set<String> before, List<String> created)
			throws Exception {
		Set<String> after = this.cloud.servers();
		this.lastSeen = after;
		Set<String> appeared = new HashSet<>(after);
		appeared.removeAll(before);
		Set<String> vanished = new HashSet<>(before);
		vanished.removeAll(after);
		vanished.removeAll(this.gone);
		boolean accepted = response.status() >= 200 && response.status() < 300;
		if (!accepted && (!appeared.isEmpty() || !vanished.isEmpty())) {
			this.violations.add(3, request, response,
					"refused, yet servers appeared " + appeared + " or vanished " + vanished);
		}
		for (String id : appeared) {
			if (!this.alive.contains(id)) {
				this.alive.add(id);
			}
		}
		if (accepted && request.method().equals("DELETE")) {
			this.lastSeen = null;
			vanished.forEach(this::forget);
			String target = request.target().replaceAll("\\?.*", "");
			forget(target.substring(target.lastIndexOf('/') + 1));
		}
		while (this.alive.size() > MAX_ALIVE) {
			String id = this.alive.remove(0);
			forget(id);
			this.cloud.delete(id);
			this.lastSeen = null;
		}
	}

	/** A deleted server frees its key: a launch with it may create again. */
	private void forget(String id) {
		this.gone.add(id);
		this.alive.remove(id);
		this.launchesByKey.entrySet().removeIf((launch) -> launch.getValue().contains(id));
	}

	private void checkKey(HostileRequest request, RawHttp.Response response, List<String> created) {
		String key = request.idempotencyKey();
		String body = new String((request.body() != null) ? request.body() : new byte[0],
				java.nio.charset.StandardCharsets.UTF_8);
		Set<String> earlier = this.launchesByKey.get(key);
		boolean accepted = response.status() >= 200 && response.status() < 300;
		if (earlier == null) {
			if (accepted) {
				this.launchesByKey.put(key, new HashSet<>(created));
				this.bodyByKey.put(key, body);
			}
			return;
		}
		boolean sameBody = body.equals(this.bodyByKey.get(key));
		if (accepted && !earlier.equals(new HashSet<>(created))) {
			this.violations.add(4, request, response, "one key gave two launches: " + earlier + " and " + created);
		}
		else if (!sameBody && accepted) {
			this.violations.add(4, request, response, "a changed body under a used key was accepted");
		}
		else if (sameBody && response.status() == 422) {
			this.violations.add(4, request, response, "the retry of a launch was refused");
		}
		else if (sameBody && accepted && !"true".equals(response.header("Idempotent-Replayed"))) {
			this.violations.add(4, request, response, "a replay without Idempotent-Replayed: true");
		}
	}

	private static List<String> createdIds(HostileRequest request, int status, JsonNode body) {
		List<String> ids = new ArrayList<>();
		if (request.method().equals("POST") && status >= 200 && status < 300 && body.isArray()) {
			body.forEach((server) -> ids.add(server.path("id").asString()));
		}
		return ids;
	}

	private static JsonNode parse(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			return JSON.missingNode();
		}
	}

}
