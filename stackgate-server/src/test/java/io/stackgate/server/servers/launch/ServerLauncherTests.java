package io.stackgate.server.servers.launch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import io.stackgate.api.CreateServerRequest;
import io.stackgate.api.FlavorDto;
import io.stackgate.api.ImageDto;
import io.stackgate.api.NetworkDto;
import io.stackgate.api.ProblemDto.FieldErrorDto;
import io.stackgate.api.ResourceRefDto;
import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.api.SubnetDto;
import io.stackgate.server.catalog.LaunchOptionsService;
import io.stackgate.server.catalog.LaunchOptionsServices;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.ComputeClient;
import io.stackgate.server.cloud.ImageClient;
import io.stackgate.server.cloud.LaunchLocks;
import io.stackgate.server.cloud.NetworkClient;
import io.stackgate.server.cloud.OpenStackService;
import io.stackgate.server.cloud.ServerPage;
import io.stackgate.server.cloud.ServerQuery;
import io.stackgate.server.cloud.ServerSpec;
import io.stackgate.server.problem.InvalidRequestException;
import io.stackgate.server.problem.LaunchInProgressException;
import io.stackgate.server.problem.UnresolvedReferenceException;
import io.stackgate.server.problem.UnworkableRequestException;
import io.stackgate.server.servers.LaunchProperties;
import io.stackgate.server.servers.ServerService;
import io.stackgate.server.servers.view.LiveViews;
import io.stackgate.testing.Settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The launcher over a mocked cloud, with the real resolution ({@link LaunchTargets} on a
 * real {@link LaunchOptionsService}) and the real {@link ServerService}: only what goes
 * to OpenStack is faked.
 */
public class ServerLauncherTests {

	private static final String KEY = "4f1c2b8e-launch-key";

	private static final SubnetDto SUBNET = new SubnetDto("sn-1", "private-subnet", "10.0.0.0/24", 4);

	private static final FlavorDto SMALL = new FlavorDto("f-small", "m1.small", 1, 2048, 20);

	private static final ImageDto CIRROS = new ImageDto("i-cirros", "cirros", "active", 21430272L, 1, 64);

	private static final NetworkDto PRIVATE = new NetworkDto("n-private", "private", "ACTIVE", false, false,
			List.of(SUBNET));

	private static final CreateServerRequest WEB = new CreateServerRequest("web", "m1.small", "cirros",
			List.of("private"), "my-key", List.of("default"), "#cloud-config\n", null, Map.of("role", "web"), null);

	private final ComputeClient compute = mock(ComputeClient.class);

	private final ImageClient images = mock(ImageClient.class);

	private final NetworkClient networks = mock(NetworkClient.class);

	private final LaunchLocks locks = mock(LaunchLocks.class);

	private final LiveViews views = mock(LiveViews.class);

	private final CallContext context = new CallContext(() -> "p-demo", "req-1b4e28ba-2fa1-11d2-883f-0016d3cca427");

	/** What Nova was asked to create, by the id it gave. */
	private final Map<String, ServerSpec> created = new LinkedHashMap<>();

	private ServerLauncher launcher;

	@BeforeEach
	void setUp() {
		LaunchOptionsService launchOptions = LaunchOptionsServices.of(this.compute, this.images, this.networks);
		ServerService servers = new ServerService(this.compute, launchOptions, this.views);
		ServerCreator creator = new ServerCreator(servers);
		this.launcher = new ServerLauncher(new LaunchTargets(launchOptions), creator,
				new IdempotentLaunches(this.locks, servers, creator, Duration.ofMillis(300), Duration.ofMillis(50)),
				this.compute, Settings.bind(LaunchProperties.class));
		given(this.compute.listFlavors(any())).willReturn(List.of(SMALL, new FlavorDto("f-tiny", "m1.tiny", 1, 64, 1),
				new FlavorDto("f-volume", "m1.volume", 1, 2048, 0)));
		given(this.images.listImages(any()))
			.willReturn(List.of(CIRROS, new ImageDto("i-ubuntu", "ubuntu", "active", 2361393152L, 10, 512)));
		given(this.networks.listNetworks(any()))
			.willReturn(List.of(PRIVATE, new NetworkDto("n-shared-a", "shared", "ACTIVE", true, false, List.of(SUBNET)),
					new NetworkDto("n-shared-b", "shared", "ACTIVE", true, false, List.of(SUBNET)),
					new NetworkDto("n-public", "public", "ACTIVE", false, true, List.of(SUBNET))));
		given(this.compute.createServer(any(), any())).willAnswer((invocation) -> {
			String id = "s-" + (this.created.size() + 1);
			this.created.put(id, invocation.getArgument(1));
			return id;
		});
		given(this.compute.findServer(any(), anyString())).willAnswer((invocation) -> {
			String id = invocation.getArgument(1);
			return Optional.ofNullable(this.created.get(id)).map((spec) -> building(id, spec));
		});
		given(this.compute.listServers(any(), any())).willReturn(new ServerPage(List.of(), null));
	}

	@Test
	void launchesCountServersNamedNameDashNAndReturnsThemAll() {
		ServerLauncher.Launch launch = this.launcher.launch(this.context, with(WEB, 3), null);

		assertThat(launch.replayed()).isFalse();
		assertThat(launch.servers()).extracting(ServerDto::id).containsExactly("s-1", "s-2", "s-3");
		assertThat(launch.servers()).extracting(ServerDto::name).containsExactly("web-1", "web-2", "web-3");
		assertThat(launch.servers()).allSatisfy((server) -> {
			assertThat(server.status()).isEqualTo(ServerStatus.BUILD);
			assertThat(server.flavor()).isEqualTo(new ResourceRefDto("f-small", "m1.small"));
			assertThat(server.image()).isEqualTo(new ResourceRefDto("i-cirros", "cirros"));
		});
		assertThat(this.created.values()).allSatisfy((spec) -> {
			assertThat(spec.flavorId()).isEqualTo("f-small");
			assertThat(spec.imageId()).isEqualTo("i-cirros");
			assertThat(spec.networkIds()).containsExactly("n-private");
			assertThat(spec.keyName()).isEqualTo("my-key");
			assertThat(spec.securityGroups()).containsExactly("default");
			assertThat(spec.userData()).isEqualTo("#cloud-config\n");
			assertThat(spec.metadata()).isEqualTo(Map.of("role", "web"));
		});
	}

	@Test
	void aSingleServerKeepsItsNameAndDefaultsToNovasSecurityGroup() {
		CreateServerRequest request = new CreateServerRequest("db", "f-small", "i-cirros", List.of("n-private"), null,
				null, null, "nova", null, 1);

		ServerLauncher.Launch launch = this.launcher.launch(this.context, request, null);

		assertThat(launch.servers()).extracting(ServerDto::name).containsExactly("db");
		ServerSpec spec = this.created.get("s-1");
		assertThat(spec).isEqualTo(new ServerSpec("db", "f-small", "i-cirros", List.of("n-private"), null, List.of(),
				null, "nova", Map.of()));
	}

	@Test
	void withoutAKeyNeitherLocksNorLooksForAnEarlierLaunch() {
		this.launcher.launch(this.context, WEB, null);

		verifyNoInteractions(this.locks);
		verify(this.compute, never()).listServers(any(), any());
		assertThat(this.created.get("s-1").metadata()).doesNotContainKeys(IdempotentLaunches.KEY_METADATA,
				IdempotentLaunches.REQUEST_METADATA);
	}

	@Test
	void metadataOverTheProjectsQuotaIsRefusedBeforeAnythingIsCreatedCountingTheKeysTags() {
		given(this.compute.maxServerMetadataItems(any())).willReturn(OptionalInt.of(3));
		given(this.locks.tryAcquire(any(), any())).willReturn(true);
		CreateServerRequest twoItems = new CreateServerRequest("web", "m1.small", "cirros", List.of("private"), null,
				null, null, null, Map.of("role", "web", "tier", "front"), null);

		assertThat(this.launcher.launch(this.context, twoItems, null).servers()).hasSize(1);
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.launcher.launch(this.context, twoItems, KEY))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("has 4 items with the gateway's 2 for the "
					+ "Idempotency-Key; the project's servers may have at most 3 (Nova's metadata_items quota)"));
		verify(this.compute, times(1)).createServer(any(), any());
		verify(this.locks).release(any(), any());
	}

	@Test
	void withoutMetadataNovasLimitsAreNotAsked() {
		given(this.locks.tryAcquire(any(), any())).willReturn(true);
		this.launcher.launch(this.context, new CreateServerRequest("web", "m1.small", "cirros", List.of("private"),
				null, null, null, null, null, null), KEY);

		verify(this.compute, never()).maxServerMetadataItems(any());
	}

	@Test
	void whenTheSecondCreateFailsTheFirstServerIsDeletedAndTheFailureRethrownWithoutRetrying() {
		CloudException quota = new CloudException(CloudException.Kind.CONFLICT, OpenStackService.COMPUTE,
				"Nova answered 403: Quota exceeded for instances", 403, "req-nova-quota", null);
		given(this.compute.createServer(any(), any())).willReturn("s-1").willThrow(quota);

		assertThatExceptionOfType(CloudException.class)
			.isThrownBy(() -> this.launcher.launch(this.context, with(WEB, 3), null))
			.isSameAs(quota);

		verify(this.compute, times(2)).createServer(any(), any());
		verify(this.compute).deleteServer(this.context, "s-1");
		verify(this.compute, times(1)).deleteServer(any(), any());
	}

	@Test
	void aRollbackGoesOnWhenADeleteFailsAndStillReportsTheCreateFailure() {
		CloudException timeout = new CloudException(CloudException.Kind.TIMEOUT, OpenStackService.COMPUTE,
				"Nova did not answer in time", null, null, null);
		given(this.compute.createServer(any(), any())).willReturn("s-1", "s-2").willThrow(timeout);
		willThrow(new CloudException(CloudException.Kind.UNAVAILABLE, OpenStackService.COMPUTE,
				"Nova could not be reached", null, null, null))
			.given(this.compute)
			.deleteServer(any(), eq("s-1"));

		assertThatExceptionOfType(CloudException.class)
			.isThrownBy(() -> this.launcher.launch(this.context, with(WEB, 3), null))
			.isSameAs(timeout);

		verify(this.compute, times(3)).createServer(any(), any());
		verify(this.compute).deleteServer(any(), eq("s-1"));
		verify(this.compute).deleteServer(any(), eq("s-2"));
	}

	@Test
	void aKeyedLaunchTagsItsServersWithTheDigestsOfTheKeyAndTheRequest() {
		given(this.locks.tryAcquire(any(), any())).willReturn(true);

		ServerLauncher.Launch launch = this.launcher.launch(this.context, with(WEB, 2), KEY);

		assertThat(launch.replayed()).isFalse();
		// The request digest is pinned (see LaunchFingerprintTests): these servers must
		// be found again by the
		// gateway's next versions.
		Map<String, String> expected = Map.of("role", "web", "stackgate:idempotency-key", sha256(KEY),
				"stackgate:request-digest", "d9be261462193b86a9aaa8f56b8bff0d9da52d69061bc23cadccd6c9f1f69d91");
		assertThat(this.created.values())
			.allSatisfy((spec) -> assertThat(spec.metadata()).containsExactlyInAnyOrderEntriesOf(expected));
	}

	@Test
	void aKeyedLaunchLooksUnderTheKeysLockAndReleasesIt() {
		String lock = "stackgate-launch-" + sha256(KEY).substring(0, 40);
		given(this.locks.tryAcquire(any(), eq(lock))).willReturn(true);

		this.launcher.launch(this.context, WEB, KEY);

		InOrder order = inOrder(this.compute, this.locks);
		order.verify(this.compute).listServers(any(), eq(new ServerQuery(null, null, null, null)));
		order.verify(this.locks).tryAcquire(any(), eq(lock));
		order.verify(this.compute).listServers(any(), eq(new ServerQuery(null, null, null, null)));
		order.verify(this.compute).createServer(any(), any());
		order.verify(this.locks).release(any(), eq(lock));
	}

	@Test
	void theLockIsReleasedWhenTheCreateFails() {
		given(this.locks.tryAcquire(any(), any())).willReturn(true);
		given(this.compute.createServer(any(), any())).willThrow(new CloudException(CloudException.Kind.UPSTREAM_ERROR,
				OpenStackService.COMPUTE, "Nova answered 500", 500, null, null));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.launcher.launch(this.context, WEB, KEY));

		verify(this.locks).release(any(), eq("stackgate-launch-" + sha256(KEY).substring(0, 40)));
	}

	@Test
	void aLockThatCouldNotBeReleasedIsTakenAgainByTheNextLaunchWithTheKeyWhichFindsWhatTheFirstMade() {
		// Nova went away during the create: it made the server, but the answer and the
		// lock's release were lost.
		given(this.locks.staleAfter()).willReturn(Duration.ofSeconds(45));
		given(this.locks.tryAcquire(any(), any())).willReturn(true);
		given(this.compute.createServer(any(), any())).willThrow(new CloudException(CloudException.Kind.TIMEOUT,
				OpenStackService.COMPUTE, "Nova closed the connection before answering", null, null, null));
		willThrow(new CloudException(CloudException.Kind.UNAVAILABLE, OpenStackService.COMPUTE,
				"Nova could not be reached", null, null, null))
			.willDoNothing()
			.given(this.locks)
			.release(any(), any());
		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.launcher.launch(this.context, WEB, KEY));
		given(this.compute.listServers(any(), any())).willReturn(new ServerPage(List.of(), null))
			.willReturn(new ServerPage(List.of(server("s-9", "web", tags(KEY, WEB))), null));

		ServerLauncher.Launch retry = this.launcher.launch(this.context, WEB, KEY);

		assertThat(retry.replayed()).isTrue();
		assertThat(retry.servers()).extracting(ServerDto::id).containsExactly("s-9");
		// Taken, not released; released and taken again; released.
		verify(this.locks, times(2)).tryAcquire(any(), any());
		verify(this.locks, times(3)).release(any(), any());
		verify(this.compute, times(1)).createServer(any(), any());
	}

	@Test
	void earlierLaunchesAreLookedUpAmongAllTheProjectsServersNotByName() {
		given(this.locks.tryAcquire(any(), any())).willReturn(true);
		CreateServerRequest request = new CreateServerRequest("db.(primary)+1", "m1.small", "cirros",
				List.of("private"), null, null, null, null, null, null);

		this.launcher.launch(this.context, request, KEY);

		verify(this.compute, times(2)).listServers(any(), eq(new ServerQuery(null, null, null, null)));
	}

	@Test
	void aKeyUsedWithAnotherNameIsRefusedAndTheGenuineRetryIsStillReplayed() {
		CreateServerRequest first = WEB;
		given(this.compute.listServers(any(), any()))
			.willReturn(new ServerPage(List.of(server("s-1", "web", tags(KEY, first))), null));
		CreateServerRequest renamed = new CreateServerRequest("db", "m1.small", "cirros", List.of("private"), "my-key",
				List.of("default"), "#cloud-config\n", null, Map.of("role", "web"), null);

		assertThatExceptionOfType(UnworkableRequestException.class)
			.isThrownBy(() -> this.launcher.launch(this.context, renamed, KEY));
		ServerLauncher.Launch retry = this.launcher.launch(this.context, first, KEY);

		assertThat(retry.replayed()).isTrue();
		assertThat(retry.servers()).extracting(ServerDto::id).containsExactly("s-1");
		verify(this.compute, never()).createServer(any(), any());
	}

	@Test
	void aRetryWithTheSameKeyAndRequestGetsTheEarlierServersBackWithoutCreating() {
		CreateServerRequest request = with(WEB, 2);
		Map<String, String> tags = tags(KEY, request);
		given(this.compute.listServers(any(), eq(new ServerQuery(null, null, null, null))))
			.willReturn(new ServerPage(List.of(server("s-2", "web-2", tags),
					server("s-other", "web-frontend", Map.of("stackgate:idempotency-key", sha256("another key"))),
					server("s-1", "web-1", tags), server("s-untagged", "web", Map.of())), null));

		ServerLauncher.Launch launch = this.launcher.launch(this.context, request, KEY);

		assertThat(launch.replayed()).isTrue();
		assertThat(launch.servers()).extracting(ServerDto::id).containsExactly("s-1", "s-2");
		assertThat(launch.servers().get(0).flavor()).isEqualTo(new ResourceRefDto("f-small", "m1.small"));
		verify(this.compute, never()).createServer(any(), any());
		verify(this.locks, never()).tryAcquire(any(), any());
		verify(this.locks).releaseIfTakenBy(any(), eq("stackgate-launch-" + sha256(KEY).substring(0, 40)),
				eq(Instant.parse("2026-11-27T04:40:12Z")));
	}

	@Test
	void theSameKeyWithADifferentRequestIsRefusedWithoutCreating() {
		given(this.compute.listServers(any(), any()))
			.willReturn(new ServerPage(List.of(server("s-1", "web", tags(KEY, WEB))), null));
		CreateServerRequest different = new CreateServerRequest("web", "m1.tiny", "cirros", List.of("private"),
				"my-key", List.of("default"), "#cloud-config\n", null, Map.of("role", "web"), null);

		assertThatExceptionOfType(UnworkableRequestException.class)
			.isThrownBy(() -> this.launcher.launch(this.context, different, KEY))
			.satisfies((ex) -> {
				assertThat(ex.errors()).containsExactly(new FieldErrorDto("Idempotency-Key",
						"was already used for a different launch request; use a new key"));
			});
		verify(this.compute, never()).createServer(any(), any());
		verifyNoInteractions(this.locks);
	}

	@Test
	void aRequestSpelledDifferentlyIsTheSameRequest() {
		CreateServerRequest countOne = new CreateServerRequest("web", "m1.small", "cirros", List.of("private"),
				"my-key", List.of("default"), "#cloud-config\n", null, new LinkedHashMap<>(Map.of("role", "web")), 1);
		given(this.compute.listServers(any(), any()))
			.willReturn(new ServerPage(List.of(server("s-1", "web", tags(KEY, WEB))), null));

		ServerLauncher.Launch launch = this.launcher.launch(this.context, countOne, KEY);

		assertThat(launch.replayed()).isTrue();
		verify(this.compute, never()).createServer(any(), any());
	}

	@Test
	void whileAnotherLaunchHoldsTheLockTheRetryWaitsAndGetsWhatThatLaunchCreated() {
		given(this.locks.tryAcquire(any(), any())).willReturn(false);
		given(this.compute.listServers(any(), any())).willReturn(new ServerPage(List.of(), null))
			.willReturn(new ServerPage(List.of(server("s-9", "web", tags(KEY, WEB))), null));

		ServerLauncher.Launch launch = this.launcher.launch(this.context, WEB, KEY);

		assertThat(launch.replayed()).isTrue();
		assertThat(launch.servers()).extracting(ServerDto::id).containsExactly("s-9");
		verify(this.locks, times(1)).tryAcquire(any(), any());
		verify(this.locks, never()).release(any(), any());
		verify(this.compute, times(2)).listServers(any(), any());
		verify(this.compute, never()).createServer(any(), any());
	}

	@Test
	void theLockHolderLooksAgainBeforeCreating() {
		// Another launch finished between the first look and the lock.
		given(this.locks.tryAcquire(any(), any())).willReturn(true);
		given(this.compute.listServers(any(), any())).willReturn(new ServerPage(List.of(), null))
			.willReturn(new ServerPage(List.of(server("s-9", "web", tags(KEY, WEB))), null));

		ServerLauncher.Launch launch = this.launcher.launch(this.context, WEB, KEY);

		assertThat(launch.replayed()).isTrue();
		assertThat(launch.servers()).extracting(ServerDto::id).containsExactly("s-9");
		verify(this.compute, never()).createServer(any(), any());
		verify(this.locks).release(any(), any());
	}

	@Test
	void aFlavorTooSmallForTheImageIsRefusedBeforeAnyCreate() {
		CreateServerRequest request = new CreateServerRequest("web", "m1.tiny", "ubuntu", List.of("private"), null,
				null, null, null, null, 3);

		assertThatExceptionOfType(UnworkableRequestException.class)
			.isThrownBy(() -> this.launcher.launch(this.context, request, KEY))
			.satisfies((ex) -> {
				assertThat(ex.errors()).containsExactly(
						new FieldErrorDto("flavor",
								"flavor 'm1.tiny' has a 1 GiB disk but image 'ubuntu' needs at least 10 GiB"),
						new FieldErrorDto("flavor",
								"flavor 'm1.tiny' has 64 MiB of memory but image 'ubuntu' needs at least 512 MiB"));
			});
		verify(this.compute, never()).createServer(any(), any());
		verifyNoInteractions(this.locks);
	}

	@Test
	void aFlavorWithoutADiskBootsAnImageOfAnySize() {
		CreateServerRequest request = new CreateServerRequest("web", "m1.volume", "ubuntu", List.of("private"), null,
				null, null, null, null, null);

		this.launcher.launch(this.context, request, null);

		assertThat(this.created.get("s-1").flavorId()).isEqualTo("f-volume");
	}

	@Test
	void anExternalNetworkIsRefusedBeforeAnyCreate() {
		CreateServerRequest request = new CreateServerRequest("web", "m1.small", "cirros", List.of("private", "public"),
				null, null, null, null, null, null);

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.launcher.launch(this.context, request, null))
			.satisfies((ex) -> assertThat(ex.errors()).containsExactly(new FieldErrorDto("networks[1]",
					"network 'public' is external: servers cannot be attached to it")));
		verify(this.compute, never()).createServer(any(), any());
	}

	@Test
	void anUnknownFlavorIsNotFoundAfterLookingInFreshLists() {
		CreateServerRequest request = new CreateServerRequest("web", "m1.huge", "cirros", List.of("private"), null,
				null, null, null, null, null);

		assertThatExceptionOfType(UnresolvedReferenceException.class)
			.isThrownBy(() -> this.launcher.launch(this.context, request, KEY))
			.satisfies((ex) -> {
				assertThat(ex.isAmbiguous()).isFalse();
				assertThat(ex.field()).isEqualTo("flavor");
				assertThat(ex.getMessage())
					.isEqualTo("flavor: no flavor with the id or name 'm1.huge' in this project");
			});
		verify(this.compute, times(2)).listFlavors(any());
		verify(this.compute, never()).createServer(any(), any());
		verifyNoInteractions(this.locks);
	}

	@Test
	void anUnknownImageIsNotFound() {
		CreateServerRequest request = new CreateServerRequest("web", "m1.small", "fedora", List.of("private"), null,
				null, null, null, null, null);

		assertThatExceptionOfType(UnresolvedReferenceException.class)
			.isThrownBy(() -> this.launcher.launch(this.context, request, null))
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo("image");
				assertThat(ex.getMessage())
					.isEqualTo("image: no active image with the id or name 'fedora' in this project");
			});
		verify(this.compute, never()).createServer(any(), any());
	}

	@Test
	void anUnknownNetworkIsNotFoundNamingItsIndex() {
		CreateServerRequest request = new CreateServerRequest("web", "m1.small", "cirros", List.of("private", "n-gone"),
				null, null, null, null, null, null);

		assertThatExceptionOfType(UnresolvedReferenceException.class)
			.isThrownBy(() -> this.launcher.launch(this.context, request, null))
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo("networks[1]");
				assertThat(ex.candidates()).isEmpty();
			});
		verify(this.compute, never()).createServer(any(), any());
	}

	@Test
	void aFlavorNewerThanTheCachedListIsFoundInTheFreshOne() {
		given(this.compute.listFlavors(any())).willReturn(List.of(SMALL))
			.willReturn(List.of(SMALL, new FlavorDto("f-new", "m1.new", 2, 4096, 40)));
		CreateServerRequest request = new CreateServerRequest("web", "m1.new", "cirros", List.of("private"), null, null,
				null, null, null, null);

		this.launcher.launch(this.context, request, null);

		assertThat(this.created.get("s-1").flavorId()).isEqualTo("f-new");
	}

	@Test
	void anAmbiguousNetworkNameIsAConflictListingTheCandidatesWithoutLookingAgain() {
		CreateServerRequest request = new CreateServerRequest("web", "m1.small", "cirros", List.of("shared"), null,
				null, null, null, null, null);

		assertThatExceptionOfType(UnresolvedReferenceException.class)
			.isThrownBy(() -> this.launcher.launch(this.context, request, null))
			.satisfies((ex) -> {
				assertThat(ex.isAmbiguous()).isTrue();
				assertThat(ex.field()).isEqualTo("networks[0]");
				assertThat(ex.candidates()).containsExactly("n-shared-a", "n-shared-b");
				assertThat(ex.getMessage())
					.isEqualTo("networks[0]: 2 networks are named 'shared'; give one of their ids instead");
			});
		verify(this.networks, times(1)).listNetworks(any());
		verify(this.compute, never()).createServer(any(), any());
	}

	@Test
	void anIdWinsOverANameThatLooksTheSame() {
		given(this.networks.listNetworks(any())).willReturn(
				List.of(PRIVATE, new NetworkDto("n-other", "n-private", "ACTIVE", false, false, List.of(SUBNET))));
		CreateServerRequest request = new CreateServerRequest("web", "m1.small", "cirros", List.of("n-private"), null,
				null, null, null, null, null);

		this.launcher.launch(this.context, request, null);

		assertThat(this.created.get("s-1").networkIds()).containsExactly("n-private");
	}

	@Test
	void anInvalidRequestIsRefusedBeforeTheCloudIsAsked() {
		CreateServerRequest request = new CreateServerRequest("web", "m1.small", "cirros", List.of(), null, null, null,
				null, null, 11);

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.launcher.launch(this.context, request, KEY))
			.satisfies((ex) -> assertThat(ex.errors()).extracting(FieldErrorDto::field)
				.containsExactly("networks", "count"));
		verifyNoInteractions(this.compute, this.locks);
	}

	/**
	 * Nova lists servers newest first; a replay returns them in creation order, web-2
	 * before web-10.
	 */
	@Test
	void aReplayOfTenServersKeepsTheirCreationOrder() {
		given(this.locks.tryAcquire(any(), any())).willReturn(true);
		CreateServerRequest ten = with(WEB, 10);
		List<ServerDto> first = this.launcher.launch(this.context, ten, KEY).servers();
		List<ServerDto> inNova = new ArrayList<>(first);
		java.util.Collections.reverse(inNova);
		given(this.compute.listServers(any(), any())).willReturn(new ServerPage(inNova, null));

		ServerLauncher.Launch replay = this.launcher.launch(this.context, ten, KEY);

		assertThat(replay.replayed()).isTrue();
		assertThat(replay.servers()).extracting(ServerDto::name)
			.containsExactlyElementsOf(first.stream().map(ServerDto::name).toList());
	}

	/**
	 * A lock that cannot be released is left to grow stale; the launch it guarded
	 * succeeded all the same.
	 */
	@Test
	void aLockThatCannotBeReleasedDoesNotTurnALaunchIntoAFailure() {
		given(this.locks.tryAcquire(any(), any())).willReturn(true);
		willThrow(new CloudException(CloudException.Kind.UNAVAILABLE, OpenStackService.COMPUTE,
				"Nova refused the token, which has been renewed: nothing was changed and the request can be repeated",
				401, null, null))
			.given(this.locks)
			.release(any(), any());

		ServerLauncher.Launch launch = this.launcher.launch(this.context, WEB, KEY);

		assertThat(launch.servers()).extracting(ServerDto::id).containsExactly("s-1");
	}

	/**
	 * Only a complete set is a replay: under the lock, the leftovers of a failed launch
	 * are deleted first.
	 */
	@Test
	void aRetryThatFindsOnlySomeOfTheServersOfAKeyDeletesThemAndLaunchesAfresh() {
		given(this.locks.tryAcquire(any(), any())).willReturn(true);
		CreateServerRequest three = with(WEB, 3);
		Map<String, String> tags = Map.of("stackgate:idempotency-key", sha256(KEY), "stackgate:request-digest",
				LaunchFingerprint.ofRequest(three));
		// web-1 of an earlier attempt whose web-2 failed; its rollback delete failed, or
		// Nova is still deleting it.
		given(this.compute.listServers(any(), any()))
			.willReturn(new ServerPage(List.of(server("s-old", "web-1", tags)), null));

		ServerLauncher.Launch launch = this.launcher.launch(this.context, three, KEY);

		assertThat(launch.replayed()).isFalse();
		assertThat(launch.servers()).extracting(ServerDto::id).containsExactly("s-1", "s-2", "s-3");
		InOrder order = inOrder(this.compute);
		order.verify(this.compute).deleteServer(any(), eq("s-old"));
		order.verify(this.compute, times(3)).createServer(any(), any());
	}

	/**
	 * Servers Nova created are not rolled back because reading them back failed: they are
	 * returned as created.
	 */
	@Test
	void aFailureToReadBackCreatedServersIsNotReportedAsAFailedLaunch() {
		given(this.compute.findServer(any(), anyString())).willThrow(new CloudException(CloudException.Kind.TIMEOUT,
				OpenStackService.COMPUTE, "Nova did not answer in time", null, null, null));

		ServerLauncher.Launch launch = this.launcher.launch(this.context, with(WEB, 2), null);

		assertThat(launch.servers()).extracting(ServerDto::id).containsExactly("s-1", "s-2");
	}

	/**
	 * Not only a CloudException: whatever fails the second create, the first server is
	 * not left behind.
	 */
	@Test
	void anUnexpectedFailureOfTheSecondCreateStillDeletesTheFirst() {
		NullPointerException failure = new NullPointerException("a bug");
		given(this.compute.createServer(any(), any())).willReturn("s-1").willThrow(failure);

		assertThatExceptionOfType(NullPointerException.class)
			.isThrownBy(() -> this.launcher.launch(this.context, with(WEB, 2), null))
			.isSameAs(failure);
		verify(this.compute).deleteServer(any(), eq("s-1"));
	}

	/**
	 * Giving up on a lock someone else holds is the gateway's decision: no OpenStack
	 * service refused anything.
	 */
	@Test
	void aLaunchThatWaitedInVainForTheLockIsInProgressNotAFailureOfNova() {
		given(this.locks.tryAcquire(any(), any())).willReturn(false);

		assertThatExceptionOfType(LaunchInProgressException.class)
			.isThrownBy(() -> this.launcher.launch(this.context, WEB, KEY))
			.isNotInstanceOf(CloudException.class);
		verify(this.compute, never()).createServer(any(), any());
	}

	/**
	 * @return the request with another {@code count}
	 */
	static CreateServerRequest with(CreateServerRequest r, Integer count) {
		return r.withCount(count);
	}

	static Map<String, String> tags(String key, CreateServerRequest request) {
		return Map.of("stackgate:idempotency-key", sha256(key), "stackgate:request-digest",
				LaunchFingerprint.ofRequest(request), "role", "web");
	}

	static ServerDto server(String id, String name, Map<String, String> metadata) {
		return new ServerDto(id, name, ServerStatus.BUILD, List.of(), new ResourceRefDto("f-small", null),
				new ResourceRefDto("i-cirros", null), Instant.parse("2026-11-27T04:40:12Z"), null, metadata);
	}

	private static ServerDto building(String id, ServerSpec spec) {
		return new ServerDto(id, spec.name(), ServerStatus.BUILD, List.of(), new ResourceRefDto(spec.flavorId(), null),
				new ResourceRefDto(spec.imageId(), null), Instant.parse("2026-11-27T04:40:12Z"), null, spec.metadata());
	}

	public static String sha256(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
