package io.stackgate.testing.hostile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends generated requests to a gateway, one after the other, and checks every answer
 * against the promises of the README:
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
public final class HostileRun {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Servers this run leaves alive at most, so that it stays within the project's quota.
	 */
	private static final int MAX_ALIVE = 3;

	private final RawHttp http;

	private final RequestGenerator generator;

	private final CloudProbe cloud;

	private final Consumer<String> serverIds;

	private final Map<String, Violation> violations = new LinkedHashMap<>();

	private final Map<String, Set<String>> launchesByKey = new LinkedHashMap<>();

	private final Map<String, String> bodyByKey = new LinkedHashMap<>();

	private final List<String> alive = new ArrayList<>();

	private final Set<String> gone = new HashSet<>();

	private final Map<Integer, Integer> statuses = new TreeMap<>();

	private int sent;

	/**
	 * The servers after the last request that may write, reused as the next one's
	 * "before" while valid.
	 */
	private Set<String> lastSeen;

	/**
	 * @param serverIds told the id of each server the run created, so that valid requests
	 * can name it
	 */
	public HostileRun(RawHttp http, RequestGenerator generator, CloudProbe cloud, Consumer<String> serverIds) {
		this.http = http;
		this.generator = generator;
		this.cloud = cloud;
		this.serverIds = serverIds;
	}

	/**
	 * @param requests how many requests to send at least
	 * @return what was found
	 */
	public Report run(int requests) throws Exception {
		long start = System.nanoTime();
		while (this.sent < requests) {
			for (HostileRequest request : this.generator.next()) {
				check(request);
			}
		}
		for (String id : this.alive) {
			this.cloud.delete(id);
		}
		return new Report(this.sent, Duration.ofNanos(System.nanoTime() - start), this.statuses,
				List.copyOf(this.violations.values()));
	}

	private void check(HostileRequest request) throws Exception {
		Set<String> before = null;
		if (request.mayWrite()) {
			before = (this.lastSeen != null) ? this.lastSeen : this.cloud.servers();
		}
		RawHttp.Response response = this.http.send(request);
		this.sent++;
		this.statuses.merge(response.status(), 1, Integer::sum);
		JsonNode body = parse(response.body());
		int status = response.status();
		if (status < 0) {
			violation(1, request, response, "the connection closed without an answer");
		}
		else if (status >= 500
				&& !(status >= 502 && status <= 504 && !body.path("openstack_service").asString("").isEmpty())) {
			violation(1, request, response, "a " + status + " that does not name a failed OpenStack service");
		}
		if (status >= 400) {
			String type = String.valueOf(response.header("Content-Type"));
			if (!type.startsWith("application/problem+json")) {
				violation(2, request, response, "an error of type " + type);
			}
			else if (!request.method().equals("HEAD") && body.path("request_id").asString("").isEmpty()) {
				violation(2, request, response, "a problem without request_id");
			}
		}
		if (status == 405 && String.valueOf(response.header("Allow")).contains("TRACE")) {
			violation(2, request, response, "405 that allows TRACE: " + response.header("Allow"));
		}
		List<String> created = createdIds(request, status, body);
		if (before != null) {
			checkCloud(request, response, before, created);
		}
		if (request.idempotencyKey() != null && request.method().equals("POST")) {
			checkKey(request, response, created);
		}
		for (String id : created) {
			this.serverIds.accept(id);
		}
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
			violation(3, request, response, "refused, yet servers appeared " + appeared + " or vanished " + vanished);
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
			violation(4, request, response, "one key gave two launches: " + earlier + " and " + created);
		}
		else if (!sameBody && accepted) {
			violation(4, request, response, "a changed body under a used key was accepted");
		}
		else if (sameBody && response.status() == 422) {
			violation(4, request, response, "the retry of a launch was refused");
		}
		else if (sameBody && accepted && !"true".equals(response.header("Idempotent-Replayed"))) {
			violation(4, request, response, "a replay without Idempotent-Replayed: true");
		}
	}

	private static List<String> createdIds(HostileRequest request, int status, JsonNode body) {
		List<String> ids = new ArrayList<>();
		if (request.method().equals("POST") && status >= 200 && status < 300 && body.isArray()) {
			body.forEach((server) -> ids.add(server.path("id").asString()));
		}
		return ids;
	}

	private void violation(int oracle, HostileRequest request, RawHttp.Response response, String what) {
		String key = oracle + "|" + request.operation() + "|" + request.mutation().replaceAll("[0-9]+", "#") + "|"
				+ response.status();
		Violation existing = this.violations.get(key);
		if (existing != null) {
			existing.count++;
			return;
		}
		String body = response.body().replaceAll("\\s+", " ");
		this.violations.put(key, new Violation(oracle, what, request.describe(), response.status(),
				(body.length() > 200) ? body.substring(0, 200) + "..." : body));
	}

	private static JsonNode parse(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (RuntimeException ex) {
			return JSON.missingNode();
		}
	}

	/** One kind of violation, with its first example. */
	public static final class Violation {

		final int oracle;

		final String what;

		final String request;

		final int status;

		final String answer;

		int count = 1;

		Violation(int oracle, String what, String request, int status, String answer) {
			this.oracle = oracle;
			this.what = what;
			this.request = request;
			this.status = status;
			this.answer = answer;
		}

		@Override
		public String toString() {
			return "oracle " + this.oracle + " x" + this.count + ": " + this.what + "\n    request: " + this.request
					+ "\n    answer: " + this.status + " " + this.answer;
		}

	}

	/**
	 * What a run found.
	 *
	 * @param requests the requests sent
	 * @param took how long it took
	 * @param statuses how many answers of each status
	 * @param violations the kinds of violation, each with an example
	 */
	public record Report(int requests, Duration took, Map<Integer, Integer> statuses, List<Violation> violations) {

		public String summary(long seed) {
			StringBuilder text = new StringBuilder("Hostile run, seed " + seed + " (replay with -Dhostile.seed=" + seed
					+ "): " + this.requests + " requests in " + this.took.toMillis() + " ms, statuses " + this.statuses
					+ ", " + this.violations.size() + " kinds of violation");
			this.violations.forEach((v) -> text.append("\n  ").append(v));
			return text.toString();
		}

	}

}
