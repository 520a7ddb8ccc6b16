package io.stackgate.server.hostile;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.stackgate.testing.hostile.ApiDescription;
import io.stackgate.testing.hostile.CloudProbe;
import io.stackgate.testing.hostile.Fixtures;
import io.stackgate.testing.hostile.HostileRun;
import io.stackgate.testing.hostile.RawHttp;
import io.stackgate.testing.hostile.RequestGenerator;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile suite's fast loop: the generated requests against the whole gateway
 * (Tomcat, filters, controllers, the openstack4j adapter) on a WireMock OpenStack whose
 * Nova remembers servers. The same generator runs against the real cloud in
 * {@code HostileInputIT}. {@code -Dhostile.seed=N} replays a run.
 */
class HostileInputTests extends WireMockGateway {

	@Test
	void noGeneratedRequestBreaksAPromise() throws Exception {
		long seed = Long.getLong("hostile.seed", System.nanoTime());
		int requests = Integer.getInteger("hostile.requests", 600);
		List<String> ids = new CopyOnWriteArrayList<>();
		Fixtures fixtures = fixtures(ids);
		CloudProbe probe = new CloudProbe() {
			@Override
			public Set<String> servers() {
				return nova.created();
			}

			@Override
			public void delete(String id) {
				nova.delete(id);
			}
		};
		HostileRun run = new HostileRun(new RawHttp("127.0.0.1", this.port),
				new RequestGenerator(seed, ApiDescription.committed(), fixtures), probe, ids::add);

		HostileRun.Report report = run.run(requests);

		System.out.println(report.summary(seed));
		assertThat(report.violations()).as(report.summary(seed)).isEmpty();
	}

	private static Fixtures fixtures(List<String> ids) {
		int[] counter = { 0 };
		Supplier<String> id = () -> ids.isEmpty() ? UUID.randomUUID().toString()
				: ids.get((int) (System.nanoTime() % ids.size()));
		return new Fixtures("X-Auth-Token", TOKEN, PREFIX,
				Map.of("name", () -> "\"" + PREFIX + (++counter[0]) + "\"", "flavor", () -> "\"m1.nano\"", "image",
						() -> "\"cirros-fake-raw\"", "networks", () -> "[\"private\"]", "username", () -> "\"demo\"",
						"password", () -> "\"demo-password\"", "project", () -> "\"demo\"", "id", id, "timeout",
						() -> "1", "limit", () -> "5"));
	}

}
