package io.stackgate.testing.hostile;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Sends generated requests to a gateway, one after the other, has the {@link Oracles}
 * check every answer against the promises of the README, and reports what they found.
 */
public final class HostileRun {

	private final RawHttp http;

	private final RequestGenerator generator;

	private final Oracles oracles;

	private final Consumer<String> serverIds;

	private final Map<Integer, Integer> statuses = new TreeMap<>();

	private int sent;

	/**
	 * @param serverIds told the id of each server the run created, so that valid requests
	 * can name it
	 */
	public HostileRun(RawHttp http, RequestGenerator generator, CloudProbe cloud, Consumer<String> serverIds) {
		this.http = http;
		this.generator = generator;
		this.oracles = new Oracles(cloud);
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
				send(request);
			}
		}
		this.oracles.deleteAlive();
		return new Report(this.sent, Duration.ofNanos(System.nanoTime() - start), this.statuses,
				this.oracles.violations());
	}

	private void send(HostileRequest request) throws Exception {
		Set<String> before = this.oracles.before(request);
		RawHttp.Response response = this.http.send(request);
		this.sent++;
		this.statuses.merge(response.status(), 1, Integer::sum);
		for (String id : this.oracles.check(request, response, before)) {
			this.serverIds.accept(id);
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
