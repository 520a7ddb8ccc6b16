package io.stackgate.server.servers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.stackgate.api.CreateServerRequest;
import io.stackgate.api.FlavorDto;
import io.stackgate.api.ImageDto;
import io.stackgate.api.NetworkDto;
import io.stackgate.api.ResourceRefDto;
import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.api.SubnetDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudClient;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.LaunchLocks;
import io.stackgate.server.cloud.OpenStackService;
import io.stackgate.server.cloud.ServerPage;
import io.stackgate.server.cloud.ServerSpec;
import io.stackgate.server.config.StackgateProperties;
import io.stackgate.server.launch.LaunchOptionsService;
import io.stackgate.server.launch.LaunchOptionsServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** Launches that fail half-way, are retried over leftovers, or whose bookkeeping fails: nothing lost, nothing duplicated. */
class LaunchEdgeCasesTests {

	private static final String KEY = "4f1c2b8e-launch-key";

	private static final SubnetDto SUBNET = new SubnetDto("sn-1", "private-subnet", "10.0.0.0/24", 4);

	private static final CreateServerRequest WEB = new CreateServerRequest("web", "m1.small", "cirros",
			List.of("private"), null, null, null, null, null, null);

	private final CloudClient cloud = mock(CloudClient.class);

	private final LaunchLocks locks = mock(LaunchLocks.class);

	private final CallContext context = new CallContext(() -> "p-demo", "req-1b4e28ba-2fa1-11d2-883f-0016d3cca427");

	private final Map<String, ServerSpec> created = new LinkedHashMap<>();

	private ServerLauncher launcher;

	@BeforeEach
	void setUp() {
		StackgateProperties properties = LaunchOptionsServices.properties();
		LaunchOptionsService launchOptions = LaunchOptionsServices.of(this.cloud, properties);
		this.launcher = new ServerLauncher(this.cloud, this.locks, new LaunchTargets(launchOptions),
				new ServerService(this.cloud, launchOptions), properties);
		given(this.cloud.listFlavors(any())).willReturn(List.of(new FlavorDto("f-small", "m1.small", 1, 2048, 20)));
		given(this.cloud.listImages(any()))
			.willReturn(List.of(new ImageDto("i-cirros", "cirros", "active", 21430272L, 1, 64)));
		given(this.cloud.listNetworks(any()))
			.willReturn(List.of(new NetworkDto("n-private", "private", "ACTIVE", false, false, List.of(SUBNET))));
		given(this.cloud.createServer(any(), any())).willAnswer((invocation) -> {
			String id = "s-" + (this.created.size() + 1);
			this.created.put(id, invocation.getArgument(1));
			return id;
		});
		given(this.cloud.findServer(any(), anyString())).willAnswer((invocation) -> {
			String id = invocation.getArgument(1);
			return Optional.ofNullable(this.created.get(id)).map((spec) -> server(id, spec.name(), spec.metadata()));
		});
		given(this.cloud.listServers(any(), any())).willReturn(new ServerPage(List.of(), null));
		given(this.locks.tryAcquire(any(), any())).willReturn(true);
	}

	/** ServerLauncher.findEarlier sorts by name: web-10 comes before web-2. */
	@Test
	void aReplayOfTenServersKeepsTheirCreationOrder() {
		CreateServerRequest ten = ServerLauncherTests.with(WEB, 10);
		List<ServerDto> first = this.launcher.launch(this.context, ten, KEY).servers();
		List<ServerDto> inNova = new ArrayList<>(first);
		java.util.Collections.reverse(inNova);
		given(this.cloud.listServers(any(), any())).willReturn(new ServerPage(inNova, null));

		ServerLauncher.Launch replay = this.launcher.launch(this.context, ten, KEY);

		assertThat(replay.replayed()).isTrue();
		assertThat(replay.servers()).extracting(ServerDto::name)
			.containsExactlyElementsOf(first.stream().map(ServerDto::name).toList());
	}

	/** ServerLauncher.launch releases the lock in a finally block: a failed release hides a successful launch. */
	@Test
	void aLockThatCannotBeReleasedDoesNotTurnALaunchIntoAFailure() {
		willThrow(new CloudException(CloudException.Kind.UNAVAILABLE, OpenStackService.COMPUTE,
				"Nova refused the token, which has been renewed: nothing was changed and the request can be repeated",
				401, null, null))
			.given(this.locks)
			.release(any(), any());

		ServerLauncher.Launch launch = this.launcher.launch(this.context, WEB, KEY);

		assertThat(launch.servers()).extracting(ServerDto::id).containsExactly("s-1");
	}

	/** findEarlier takes any tagged server as the whole launch: leftovers of a rolled-back launch are replayed. */
	@Test
	void aRetryThatFindsOnlySomeOfTheServersOfAKeyIsNotAReplayOfThem() {
		CreateServerRequest three = ServerLauncherTests.with(WEB, 3);
		Map<String, String> tags = Map.of("stackgate:idempotency-key", ServerLauncherTests.sha256(KEY),
				"stackgate:request-digest", LaunchFingerprint.ofRequest(three));
		// web-1 of an earlier attempt whose web-2 failed; its rollback delete failed, or Nova is still deleting it.
		given(this.cloud.listServers(any(), any()))
			.willReturn(new ServerPage(List.of(server("s-old", "web-1", tags)), null));

		ServerLauncher.Launch launch = this.launcher.launch(this.context, three, KEY);

		assertThat(launch.servers()).hasSize(3);
	}

	/** The servers are read back outside the try that rolls back: a failed read leaves them running, unreported. */
	@Test
	void aFailureToReadBackCreatedServersIsNotReportedAsAFailedLaunch() {
		given(this.cloud.findServer(any(), anyString())).willThrow(new CloudException(CloudException.Kind.TIMEOUT,
				OpenStackService.COMPUTE, "Nova did not answer in time", null, null, null));

		ServerLauncher.Launch launch = this.launcher.launch(this.context, ServerLauncherTests.with(WEB, 2), null);

		assertThat(launch.servers()).extracting(ServerDto::id).containsExactly("s-1", "s-2");
	}

	/** createAll rolls back only on CloudException. */
	@Test
	void anUnexpectedFailureOfTheSecondCreateStillDeletesTheFirst() {
		given(this.cloud.createServer(any(), any())).willReturn("s-1").willThrow(new NullPointerException());

		try {
			this.launcher.launch(this.context, ServerLauncherTests.with(WEB, 2), null);
		}
		catch (RuntimeException expected) {
			// whatever the failure, the first server must not be left behind
		}

		verify(this.cloud).deleteServer(any(), eq("s-1"));
	}

	/** LaunchFingerprint joins List.toString and Map.toString: different requests share a digest. */
	@Test
	void differentNetworksHaveDifferentDigests() {
		CreateServerRequest two = new CreateServerRequest("web", "m1.small", "cirros", List.of("a", "b"), null, null,
				null, null, null, null);
		CreateServerRequest one = new CreateServerRequest("web", "m1.small", "cirros", List.of("a, b"), null, null,
				null, null, null, null);

		assertThat(LaunchFingerprint.ofRequest(one)).isNotEqualTo(LaunchFingerprint.ofRequest(two));
	}

	@Test
	void differentMetadataHaveDifferentDigests() {
		CreateServerRequest two = new CreateServerRequest("web", "m1.small", "cirros", List.of("a"), null, null,
				null, null, Map.of("a", "1", "b", "2"), null);
		CreateServerRequest one = new CreateServerRequest("web", "m1.small", "cirros", List.of("a"), null, null,
				null, null, Map.of("a", "1, b=2"), null);

		assertThat(LaunchFingerprint.ofRequest(one)).isNotEqualTo(LaunchFingerprint.ofRequest(two));
	}

	private static ServerDto server(String id, String name, Map<String, String> metadata) {
		return new ServerDto(id, name, ServerStatus.BUILD, List.of(), new ResourceRefDto("f-small", null),
				new ResourceRefDto("i-cirros", null), Instant.parse("2026-11-27T04:40:12Z"), null, metadata);
	}

}
