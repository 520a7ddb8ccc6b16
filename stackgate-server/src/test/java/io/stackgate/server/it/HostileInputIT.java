package io.stackgate.server.it;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.stackgate.testing.hostile.ApiDescription;
import io.stackgate.testing.hostile.CloudProbe;
import io.stackgate.testing.hostile.Fixtures;
import io.stackgate.testing.hostile.HostileRun;
import io.stackgate.testing.hostile.RawHttp;
import io.stackgate.testing.hostile.RequestGenerator;

import io.stackgate.itsupport.LaunchTarget;
import io.stackgate.itsupport.RealCloud;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile suite on the real cloud: requests generated from docs/openapi.json, valid
 * ones and mutations, checked against the README's promises, with the project's servers
 * compared in Nova directly before and after each request that may write. Prints its
 * seed; {@code -Dhostile.seed=N} replays a run, {@code -Dhostile.requests=N} changes its
 * length (1,000 by default).
 */
class HostileInputIT {

	private static final String PREFIX = "it-hostile-" + UUID.randomUUID().toString().substring(0, 6) + "-";

	private static RealCloud cloud;

	private static LaunchTarget target;

	private static Gateway gateway;

	@BeforeAll
	static void start() throws Exception {
		cloud = RealCloud.fromEnvironment();
		target = LaunchTarget.discover(cloud);
		// The hostile client reads each answer to its end: a generated watch=true stream
		// ends after 1 s.
		gateway = Gateway.start("stackgate.auth.rate-limit.requests=0", "stackgate.auth.rate-limit.creates=0",
				"stackgate.live.max-watch=1s");
	}

	@AfterAll
	static void cleanUp() throws Exception {
		if (gateway != null) {
			gateway.close();
		}
		if (cloud != null) {
			for (String id : servers()) {
				cloud.servers().delete(id);
			}
		}
	}

	@Test
	void noGeneratedRequestBreaksAPromise() throws Exception {
		long seed = Long.getLong("hostile.seed", System.nanoTime());
		int requests = Integer.getInteger("hostile.requests", 1000);
		System.out.println("Hostile run on the real cloud, seed " + seed + ", server names " + PREFIX + "*");
		List<String> ids = new CopyOnWriteArrayList<>();
		CloudProbe probe = new CloudProbe() {
			@Override
			public Set<String> servers() throws Exception {
				return HostileInputIT.servers();
			}

			@Override
			public void delete(String id) throws Exception {
				ids.remove(id);
				cloud.servers().delete(id);
			}
		};
		String port = gateway.baseUrl().replaceAll(".*:", "");
		HostileRun run = new HostileRun(new RawHttp("127.0.0.1", Integer.parseInt(port)),
				new RequestGenerator(seed, ApiDescription.committed(), fixtures(ids)), probe, ids::add);

		HostileRun.Report report = run.run(requests);

		System.out.println(report.summary(seed));
		assertThat(report.requests()).isGreaterThanOrEqualTo(requests);
		assertThat(report.violations()).as(report.summary(seed)).isEmpty();
	}

	/**
	 * This run's servers, as Nova lists them: its name filter is a regular expression.
	 */
	private static Set<String> servers() throws Exception {
		Set<String> ids = new HashSet<>();
		JsonNode servers = cloud
			.get("compute", "/servers?name=" + URLEncoder.encode("^" + PREFIX, StandardCharsets.UTF_8))
			.path("servers");
		servers.forEach((server) -> ids.add(server.path("id").asString()));
		return ids;
	}

	private static Fixtures fixtures(List<String> ids) {
		int[] counter = { 0 };
		Supplier<String> id = () -> ids.isEmpty() ? UUID.randomUUID().toString()
				: ids.get((int) (System.nanoTime() % ids.size()));
		String json = "\"%s\"";
		return new Fixtures("X-Auth-Token", cloud.token(), PREFIX, Map.of("name",
				() -> json.formatted(PREFIX + (++counter[0])), "flavor", () -> json.formatted(target.flavor().name()),
				"image", () -> json.formatted(target.image().name()), "networks",
				() -> "[" + json.formatted(target.network().name()) + "]", "username",
				() -> json.formatted(cloud.username()), "password", () -> json.formatted(cloud.password()), "project",
				() -> json.formatted(cloud.projectName()), "id", id, "timeout", () -> "1", "limit", () -> "5"));
	}

}
