package io.stackgate.server.servers.view;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CallerSession;
import io.stackgate.server.cloud.CloudSession;
import io.stackgate.testing.Settings;
import io.stackgate.testing.TestCaller;

import static io.stackgate.server.servers.view.FakeProject.T0;
import static io.stackgate.server.servers.view.FakeProject.server;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LiveViews}: when lists come from a view and when from Nova, read-your-writes,
 * and which credentials refresh a view in the background (polls run every 20 ms of real
 * time on the test's clock; the tests count them as they end rather than sleep).
 */
class LiveViewsTests {

	private final FakeProject project = new FakeProject();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	/** One permit for each background poll that has ended. */
	private final Semaphore polls = new Semaphore(0);

	private LiveViews views;

	@AfterEach
	void stop() {
		this.views.stop();
	}

	@Test
	void listsComeFromTheViewLoadedOnce() {
		start();
		this.project.put(server("s-1", "web", ServerStatus.ACTIVE, T0));

		assertThat(this.views.list(context(gateway()), ServerFilter.ALL, null, null)).isPresent();
		assertThat(this.views.list(context(gateway()), ServerFilter.ALL, null, null)).isPresent();

		assertThat(this.project.calls).containsExactlyInAnyOrder("servers", "ports", "floatingips", "networks");
		assertThat(this.registry.get("stackgate.live.lists").counter().count()).isEqualTo(2);
		assertThat(this.registry.get("stackgate.live.views").gauge().value()).isEqualTo(1);
	}

	@Test
	void aCallerSeesItsOwnWriteInItsNextList() {
		start();
		CloudSession session = gateway();
		this.views.list(context(session), ServerFilter.ALL, null, null);
		this.project.put(server("s-created", "web", ServerStatus.BUILD, T0));
		this.views.wrote(session);

		ViewPage page = this.views.list(context(session), ServerFilter.ALL, null, null).orElseThrow();

		assertThat(page.servers()).extracting(ServerDto::id).containsExactly("s-created");
	}

	@Test
	void aProjectWithTooManyServersIsListedFromNovaUntilTheNextResync() {
		start("stackgate.live.max-servers", "1");
		this.project.put(server("s-1", "a", ServerStatus.ACTIVE, T0));
		this.project.put(server("s-2", "b", ServerStatus.ACTIVE, T0));

		assertThat(this.views.list(context(gateway()), ServerFilter.ALL, null, null)).isEmpty();
		assertThat(this.views.list(context(gateway()), ServerFilter.ALL, null, null)).isEmpty();
		assertThat(this.project.calls).containsOnlyOnce("servers");
		assertThat(this.registry.get("stackgate.live.views").gauge().value()).isZero();

		this.project.clock.advance(Duration.ofMinutes(5));
		this.project.calls.clear();
		this.views.list(context(gateway()), ServerFilter.ALL, null, null);
		assertThat(this.project.calls).contains("servers");
	}

	@Test
	void aViewOlderThanTheMaxStalenessIsNotServed() {
		start("stackgate.live.poll-interval", "1h");
		this.views.list(context(gateway()), ServerFilter.ALL, null, null);
		this.project.clock.advance(Duration.ofSeconds(31));

		assertThat(this.views.list(context(gateway()), ServerFilter.ALL, null, null)).isEmpty();
	}

	@Test
	void aViewTooOldToAnswerIsKeptForWhenNovaIsOutUntilStaleIfError() {
		start("stackgate.live.poll-interval", "1h");
		this.views.list(context(gateway()), ServerFilter.ALL, null, null);
		this.project.clock.advance(Duration.ofSeconds(31));

		assertThat(this.views.list(context(gateway()), ServerFilter.ALL, null, null)).isEmpty();
		assertThat(this.views.listStale(context(gateway()), ServerFilter.ALL, null, null))
			.hasValueSatisfying((page) -> assertThat(page.asOf()).isEqualTo(T0));
		this.project.clock.advance(Duration.ofMinutes(5));
		assertThat(this.views.listStale(context(gateway()), ServerFilter.ALL, null, null)).isEmpty();
	}

	@Test
	void disabledViewsSendEveryListToNova() {
		start("stackgate.live.enabled", "false");

		assertThat(this.views.list(context(gateway()), ServerFilter.ALL, null, null)).isEmpty();
		assertThat(this.project.calls).isEmpty();
	}

	@Test
	void aViewIsRefreshedInTheBackgroundWithTheCallersToken() throws InterruptedException {
		start();
		CallerSession alice = caller("u-alice", T0.plus(Duration.ofHours(1)));
		this.views.list(context(alice), ServerFilter.ALL, null, null);

		pollUntil(() -> this.project.calls.contains("changes-since " + T0.minusSeconds(3)));
		assertThat(this.project.contexts).allMatch((context) -> context.session() == alice);
	}

	@Test
	void aViewWaitsWithoutPollingForACallerWithANewTokenAndServesListsMeanwhile() throws InterruptedException {
		start();
		this.views.list(context(caller("u-alice", T0.plus(Duration.ofSeconds(15)))), ServerFilter.ALL, null, null);
		// The token now has 9 s left: within the 10 s margin.
		this.project.clock.advance(Duration.ofSeconds(6));
		this.polls.drainPermits();
		awaitPolls(1);
		this.project.calls.clear();
		awaitPolls(10);
		assertThat(this.project.calls).as("no poll in ten intervals with a token within the margin").isEmpty();

		CallerSession renewed = caller("u-alice", T0.plus(Duration.ofHours(1)));
		ViewPage page = this.views.list(context(renewed), ServerFilter.ALL, null, null).orElseThrow();
		assertThat(page.asOf()).as("served as the view last saw Nova").isEqualTo(T0);
		assertThat(this.project.calls).as("answered without a call to OpenStack").isEmpty();
		assertThat(this.registry.get("stackgate.live.views").gauge().value()).isEqualTo(1);

		pollUntil(() -> !this.project.calls.isEmpty());
		assertThat(this.project.contexts).last().matches((context) -> context.session() == renewed);
	}

	@Test
	void anIdleViewIsDropped() throws InterruptedException {
		start();
		this.views.list(context(gateway()), ServerFilter.ALL, null, null);
		this.project.clock.advance(Duration.ofMinutes(2));

		pollUntil(() -> this.registry.get("stackgate.live.views").gauge().value() == 0);
	}

	@Test
	void aWatcherKeepsTheViewInUseAndHearsHeartbeats() throws InterruptedException {
		start("stackgate.live.heartbeat-interval", "20ms");
		ServerViewTests.Sink sink = new ServerViewTests.Sink();
		this.views.watch(context(gateway()), ServerFilter.ALL, null, sink).orElseThrow();
		this.project.clock.advance(Duration.ofMinutes(3));

		pollUntil(() -> sink.heartbeats >= 2);
		assertThat(this.registry.get("stackgate.live.views").gauge().value()).isEqualTo(1);
		assertThat(this.registry.get("stackgate.live.watchers").gauge().value()).isEqualTo(1);
	}

	private void start(String... settings) {
		String[] withFastPolls = new String[settings.length + 2];
		withFastPolls[0] = "stackgate.live.poll-interval";
		withFastPolls[1] = "20ms";
		System.arraycopy(settings, 0, withFastPolls, 2, settings.length);
		this.views = new LiveViews(this.project, Settings.bind(LiveViewProperties.class, withFastPolls), (poll) -> {
			poll.run();
			this.polls.release();
		}, ForkJoinPool.commonPool(), this.project.clock, this.registry);
	}

	private static CallContext context(CloudSession session) {
		return new CallContext(session, "req-test");
	}

	private static CloudSession gateway() {
		return () -> "p-demo";
	}

	private static CallerSession caller(String userId, Instant expiresAt) {
		return new TestCaller("p-demo", userId, expiresAt);
	}

	/**
	 * Waits for background polls until the condition holds after one. Polls and
	 * heartbeats run on the views' one timer thread: a poll that ended also shows the
	 * heartbeats before it.
	 */
	private void pollUntil(BooleanSupplier condition) throws InterruptedException {
		while (!condition.getAsBoolean()) {
			awaitPolls(1);
		}
	}

	private void awaitPolls(int count) throws InterruptedException {
		assertThat(this.polls.tryAcquire(count, 5, TimeUnit.SECONDS)).as("%d polls within 5 s", count).isTrue();
	}

}
