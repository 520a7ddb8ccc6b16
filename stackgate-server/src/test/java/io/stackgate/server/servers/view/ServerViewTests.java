package io.stackgate.server.servers.view;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stackgate.api.AddressDto;
import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.FloatingIp;
import io.stackgate.server.cloud.ServerPort;
import io.stackgate.server.problem.InvalidRequestException;
import io.stackgate.testing.Settings;

import static io.stackgate.server.servers.view.FakeProject.T0;
import static io.stackgate.server.servers.view.FakeProject.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ServerView} over an in-memory project: what each refresh asks, what lists and
 * watchers see.
 */
class ServerViewTests {

	private static final CallContext CONTEXT = new CallContext(() -> "p-demo", "req-test");

	private final FakeProject project = new FakeProject();

	private final LiveViewProperties properties = Settings.bind(LiveViewProperties.class, "stackgate.live.max-servers",
			"3", "stackgate.live.replay-events", "4");

	private ServerView view;

	private final Sink sink = new Sink();

	@BeforeEach
	void load() {
		this.project.put(server("s-old", "db", ServerStatus.ACTIVE, T0.minusSeconds(600)));
		this.project.put(server("s-new", "web", ServerStatus.ACTIVE, T0.minusSeconds(60)));
		this.view = new ServerView("p-demo", this.project, this.properties, this.project.clock, Runnable::run);
		this.view.load(CONTEXT);
	}

	@Test
	void listsNewestFirstAndPagesWithMarkers() {
		assertThat(ids(this.view.page(ServerFilter.ALL, null, null))).containsExactly("s-new", "s-old");
		ViewPage first = this.view.page(ServerFilter.ALL, 1, null);
		assertThat(ids(first)).containsExactly("s-new");
		assertThat(first.nextMarker()).isEqualTo("s-new");
		ViewPage second = this.view.page(ServerFilter.ALL, 1, first.nextMarker());
		assertThat(ids(second)).containsExactly("s-old");
		assertThat(second.nextMarker()).isNull();
		assertThat(second.asOf()).isEqualTo(T0);
	}

	@Test
	void filtersByStatusAndByNameAsLiteralTextIgnoringCase() {
		this.project.put(server("s-3", "WEB.2", ServerStatus.SHUTOFF, T0));
		refreshAfter(Duration.ofSeconds(1));

		assertThat(ids(this.view.page(new ServerFilter("web", null), null, null))).containsExactly("s-3", "s-new");
		assertThat(ids(this.view.page(new ServerFilter("b.", null), null, null))).containsExactly("s-3");
		assertThat(ids(this.view.page(new ServerFilter(null, ServerStatus.SHUTOFF), null, null)))
			.containsExactly("s-3");
	}

	@Test
	void aMarkerThatIsNotInTheListIsABadRequest() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.view.page(ServerFilter.ALL, 1, "s-gone"));
	}

	@Test
	void asksNovaOnlyWhatChangedSinceShortlyBeforeThePreviousRefresh() {
		this.project.calls.clear();
		refreshAfter(Duration.ofMillis(1500));

		// The previous refresh started at T0; the overlap is 3 s, cut to Nova's whole
		// seconds.
		assertThat(this.project.calls).containsExactlyInAnyOrder("changes-since " + T0.minusSeconds(3), "ports",
				"floatingips");
	}

	@Test
	void aServerDeletedInNovaGoesOnceThoughEveryOverlappingPollReturnsIt() {
		this.view.publisher().subscribe(ServerFilter.ALL, null, this.sink);
		this.project.delete("s-old");
		refreshAfter(Duration.ofSeconds(1));
		refreshAfter(Duration.ofSeconds(1));

		assertThat(ids(this.view.page(ServerFilter.ALL, null, null))).containsExactly("s-new");
		assertThat(this.sink.types()).containsExactly(WatchEvent.Type.LIST, WatchEvent.Type.DELETED);
	}

	@Test
	void aServerThatVanishedWithoutShowingAsDeletedGoesAtTheNextResync() {
		this.project.purgesDeleted = true;
		this.project.delete("s-old");
		refreshAfter(Duration.ofSeconds(1));
		assertThat(ids(this.view.page(ServerFilter.ALL, null, null))).contains("s-old");

		this.project.calls.clear();
		refreshAfter(this.properties.resyncInterval());
		assertThat(this.project.calls).containsExactlyInAnyOrder("servers", "ports", "floatingips", "networks");
		assertThat(ids(this.view.page(ServerFilter.ALL, null, null))).containsExactly("s-new");
	}

	@Test
	void takesAddressesFromNeutronSoAFloatingIpAssociatedThereShowsAtTheNextRefresh() {
		this.project.ports.add(new ServerPort("port-1", "s-new", "net-private", List.of("10.0.0.9")));
		refreshAfter(Duration.ofSeconds(1));
		this.view.publisher().subscribe(ServerFilter.ALL, null, this.sink);

		// Nova's server is unchanged (its updated time too); only Neutron knows.
		this.project.floatingIps.add(new FloatingIp("fip-1", "port-1", "10.0.0.9", "172.24.4.10"));
		refreshAfter(Duration.ofSeconds(1));

		assertThat(this.view.page(ServerFilter.ALL, 1, null).servers().get(0).addresses()).containsExactly(
				new AddressDto("private", "10.0.0.9", 4, AddressDto.Type.FIXED),
				new AddressDto("private", "172.24.4.10", 4, AddressDto.Type.FLOATING));
		assertThat(this.sink.types()).containsExactly(WatchEvent.Type.LIST, WatchEvent.Type.CHANGED);
		assertThat(this.sink.events.get(1).servers().get(0).id()).isEqualTo("s-new");
	}

	@Test
	void aPortOnANetworkItHasNotNamedYetMakesItListTheNetworksAgain() {
		this.project.networkNames.put("net-2", "second");
		this.project.ports.add(new ServerPort("port-2", "s-new", "net-2", List.of("fd00::5")));
		this.project.calls.clear();
		refreshAfter(Duration.ofSeconds(1));

		assertThat(this.project.calls).contains("networks");
		assertThat(this.view.page(ServerFilter.ALL, 1, null).servers().get(0).addresses())
			.containsExactly(new AddressDto("second", "fd00::5", 6, AddressDto.Type.FIXED));
	}

	@Test
	void watchersGetTheListThenTheChangesTheirFilterSees() {
		this.view.publisher().subscribe(new ServerFilter(null, ServerStatus.ACTIVE), null, this.sink);
		this.project.put(server("s-3", "cache", ServerStatus.ACTIVE, T0));
		refreshAfter(Duration.ofSeconds(1));
		this.project.put(server("s-3", "cache-renamed", ServerStatus.ACTIVE, T0));
		refreshAfter(Duration.ofSeconds(1));
		this.project.put(server("s-new", "web", ServerStatus.SHUTOFF, T0.minusSeconds(60)));
		refreshAfter(Duration.ofSeconds(1));

		assertThat(this.sink.types()).containsExactly(WatchEvent.Type.LIST, WatchEvent.Type.ADDED,
				WatchEvent.Type.CHANGED, WatchEvent.Type.DELETED);
		assertThat(this.sink.events.get(0).servers()).extracting(ServerDto::id).containsExactly("s-new", "s-old");
		assertThat(this.sink.events.get(2).servers().get(0).name()).isEqualTo("cache-renamed");
		// s-new left the filter: it is deleted for this watcher, shown as it is now.
		assertThat(this.sink.events.get(3).servers().get(0).status()).isEqualTo(ServerStatus.SHUTOFF);
	}

	@Test
	void aWatcherResumesAfterItsLastEventIdOrGetsTheListAgain() {
		this.view.publisher().subscribe(ServerFilter.ALL, null, this.sink);
		this.project.put(server("s-3", "cache", ServerStatus.BUILD, T0));
		refreshAfter(Duration.ofSeconds(1));
		String seen = this.sink.events.get(1).id();
		this.project.put(server("s-3", "cache", ServerStatus.ACTIVE, T0));
		refreshAfter(Duration.ofSeconds(1));

		Sink resumed = new Sink();
		this.view.publisher().subscribe(ServerFilter.ALL, seen, resumed);
		assertThat(resumed.types()).containsExactly(WatchEvent.Type.CHANGED);
		assertThat(resumed.events.get(0).id()).isEqualTo(this.sink.events.get(2).id());

		Sink stranger = new Sink();
		this.view.publisher().subscribe(ServerFilter.ALL, "othr-1", stranger);
		assertThat(stranger.types()).containsExactly(WatchEvent.Type.LIST);
		assertThat(stranger.events.get(0).id()).isEqualTo(this.sink.events.get(2).id());
	}

	@Test
	void aWatcherTooFarBehindForTheReplayGetsTheListAgain() {
		this.view.publisher().subscribe(ServerFilter.ALL, null, this.sink);
		String first = this.sink.events.get(0).id();
		for (int i = 0; i < 5; i++) {
			this.project.put(server("s-old", "db-" + i, ServerStatus.ACTIVE, T0.minusSeconds(600)));
			refreshAfter(Duration.ofSeconds(1));
		}

		Sink resumed = new Sink();
		this.view.publisher().subscribe(ServerFilter.ALL, first, resumed);
		assertThat(resumed.types()).containsExactly(WatchEvent.Type.LIST);
	}

	@Test
	void aSinkThatRefusesAnEventIsClosedAndDropped() {
		this.view.publisher().subscribe(ServerFilter.ALL, null, this.sink);
		this.sink.refuse = true;
		this.project.put(server("s-3", "cache", ServerStatus.BUILD, T0));
		refreshAfter(Duration.ofSeconds(1));

		assertThat(this.sink.closed).isTrue();
		assertThat(this.view.publisher().watchers()).isZero();
	}

	@Test
	void aProjectWithMoreServersThanTheCapIsRefused() {
		this.project.put(server("s-3", "a", ServerStatus.ACTIVE, T0));
		this.project.put(server("s-4", "b", ServerStatus.ACTIVE, T0));
		this.project.clock.advance(Duration.ofSeconds(1));

		assertThatExceptionOfType(TooManyServersException.class).isThrownBy(() -> this.view.refresh(CONTEXT));
		assertThat(ids(this.view.page(ServerFilter.ALL, null, null))).containsExactly("s-new", "s-old");
	}

	@Test
	void aWriteIsCaughtUpOnceByTheNextRefresh() {
		this.view.wrote();
		assertThat(this.view.hasUnseenWrites()).isTrue();
		this.project.calls.clear();
		this.view.catchUp(CONTEXT);
		this.view.catchUp(CONTEXT);

		assertThat(this.view.hasUnseenWrites()).isFalse();
		assertThat(this.project.calls).hasSize(3);
	}

	private void refreshAfter(Duration duration) {
		this.project.clock.advance(duration);
		this.view.refresh(CONTEXT);
	}

	private static List<String> ids(ViewPage page) {
		return page.servers().stream().map(ServerDto::id).toList();
	}

	/** Records what a watcher is sent. */
	static final class Sink implements WatchSink {

		final List<WatchEvent> events = new ArrayList<>();

		boolean refuse;

		boolean closed;

		int heartbeats;

		@Override
		public boolean offer(WatchEvent event) {
			if (this.refuse) {
				return false;
			}
			this.events.add(event);
			return true;
		}

		@Override
		public void heartbeat() {
			this.heartbeats++;
		}

		@Override
		public void close() {
			this.closed = true;
		}

		List<WatchEvent.Type> types() {
			return this.events.stream().map(WatchEvent::type).toList();
		}

	}

}
