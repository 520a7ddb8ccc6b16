package io.stackgate.server.servers.launch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.stackgate.api.CreateServerRequest;
import io.stackgate.api.FlavorDto;
import io.stackgate.api.ImageDto;
import io.stackgate.api.NetworkDto;
import io.stackgate.api.ResourceRefDto;
import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.api.SubnetDto;
import io.stackgate.server.catalog.LaunchOptionsService;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.ComputeClient;
import io.stackgate.server.cloud.ImageClient;
import io.stackgate.server.cloud.LaunchLocks;
import io.stackgate.server.cloud.NetworkClient;
import io.stackgate.server.cloud.OpenStackService;
import io.stackgate.server.cloud.ServerPage;
import io.stackgate.server.cloud.ServerSpec;
import io.stackgate.server.servers.ServerService;
import io.stackgate.server.servers.ServerWaits;
import io.stackgate.server.servers.view.LiveViewConfiguration;
import io.stackgate.testing.WebTestConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(LaunchController.class)
@Import({ ServerService.class, ServerLauncher.class, ServerCreator.class, IdempotentLaunches.class, ServerWaits.class,
		LaunchTargets.class, LaunchOptionsService.class, LiveViewConfiguration.class, WebTestConfiguration.class })
@TestPropertySource(properties = { "stackgate.launch.poll-interval=50ms", "stackgate.launch.max-wait=60s" })
class ServerLaunchControllerTests {

	private static final String WEB = """
			{"name": "web", "flavor": "m1.small", "image": "cirros", "networks": ["private"]}""";

	private static final String INVALID_REQUEST = "https://stackgate.dev/problems/invalid-request";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ComputeClient compute;

	@MockitoBean
	ImageClient images;

	@MockitoBean
	NetworkClient networks;

	@MockitoBean
	LaunchLocks locks;

	@BeforeEach
	void givenLaunchOptions() {
		given(this.compute.listFlavors(any())).willReturn(List.of(new FlavorDto("f-small", "m1.small", 1, 2048, 20)));
		given(this.images.listImages(any()))
			.willReturn(List.of(new ImageDto("i-cirros", "cirros", "active", 21430272L, 1, 64)));
		SubnetDto subnet = new SubnetDto("sn-1", "private-subnet", "10.0.0.0/24", 4);
		given(this.networks.listNetworks(any()))
			.willReturn(List.of(new NetworkDto("n-private", "private", "ACTIVE", false, false, List.of(subnet)),
					new NetworkDto("n-shared-a", "shared", "ACTIVE", true, false, List.of(subnet)),
					new NetworkDto("n-shared-b", "shared", "ACTIVE", true, false, List.of(subnet))));
	}

	@Test
	void aLaunchIsAcceptedWithTheServersInBuildAndTheFirstOnesLocation() throws Exception {
		given(this.compute.createServer(any(), any())).willReturn("s-1", "s-2");
		given(this.compute.findServer(any(), eq("s-1")))
			.willReturn(Optional.of(server("s-1", "web-1", ServerStatus.BUILD)));
		given(this.compute.findServer(any(), eq("s-2")))
			.willReturn(Optional.of(server("s-2", "web-2", ServerStatus.BUILD)));

		MvcResult result = this.mvc.perform(post("/api/v1/servers").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "web", "flavor": "m1.small", "image": "cirros", "networks": ["private"], "count": 2}"""))
			.andExpect(request().asyncStarted())
			.andReturn();

		this.mvc.perform(asyncDispatch(result))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", "http://localhost/api/v1/servers/s-1"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].id").value("s-1"))
			.andExpect(jsonPath("$[0].name").value("web-1"))
			.andExpect(jsonPath("$[0].status").value("BUILD"))
			.andExpect(jsonPath("$[0].flavor.name").value("m1.small"))
			.andExpect(jsonPath("$[0].image.name").value("cirros"))
			.andExpect(jsonPath("$[1].id").value("s-2"))
			.andExpect(jsonPath("$[1].name").value("web-2"));
		verify(this.compute, times(2)).createServer(any(), any());
	}

	@Test
	void theIdempotencyKeyHeaderGoesToTheLauncher() throws Exception {
		String key = "0f8fad5b-d9cb-469f-a165-70867728950e";
		String lock = "stackgate-launch-" + ServerLauncherTests.sha256(key).substring(0, 40);
		given(this.compute.listServers(any(), any())).willReturn(new ServerPage(List.of(), null));
		given(this.locks.tryAcquire(any(), eq(lock))).willReturn(true);
		given(this.compute.createServer(any(), any())).willReturn("s-1");
		given(this.compute.findServer(any(), eq("s-1")))
			.willReturn(Optional.of(server("s-1", "web", ServerStatus.BUILD)));

		MvcResult result = this.mvc
			.perform(post("/api/v1/servers").header("Idempotency-Key", key)
				.contentType(MediaType.APPLICATION_JSON)
				.content(WEB))
			.andExpect(request().asyncStarted())
			.andReturn();
		this.mvc.perform(asyncDispatch(result)).andExpect(status().isAccepted());

		ArgumentCaptor<ServerSpec> spec = ArgumentCaptor.forClass(ServerSpec.class);
		verify(this.compute).createServer(any(), spec.capture());
		assertThat(spec.getValue().metadata()).containsEntry("stackgate:idempotency-key",
				ServerLauncherTests.sha256(key));
		verify(this.locks).release(any(), eq(lock));
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyGetsTheSameServersWithoutANewCreate() throws Exception {
		String key = "0f8fad5b-d9cb-469f-a165-70867728950e";
		Map<String, String> tags = Map.of("stackgate:idempotency-key", ServerLauncherTests.sha256(key),
				"stackgate:request-digest", "3ffa6ef12f8a3977b2eb7583d86b7e1660a67009d6a4624fd12db778c81dddeb");
		ServerDto earlier = new ServerDto("s-7", "web", ServerStatus.ACTIVE, List.of(),
				new ResourceRefDto("f-small", null), new ResourceRefDto("i-cirros", null),
				Instant.parse("2026-11-27T04:40:12Z"), null, tags);
		given(this.compute.listServers(any(), any())).willReturn(new ServerPage(List.of(earlier), null));

		MvcResult result = this.mvc.perform(post("/api/v1/servers").header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"count": 1, "networks": ["private"], "image": "cirros", "flavor": "m1.small", "name": "web"}"""))
			.andExpect(request().asyncStarted())
			.andReturn();

		this.mvc.perform(asyncDispatch(result))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", "http://localhost/api/v1/servers/s-7"))
			.andExpect(jsonPath("$[0].id").value("s-7"))
			.andExpect(jsonPath("$[0].status").value("ACTIVE"));
		verify(this.compute, never()).createServer(any(), any());
	}

	@Test
	void anIdempotencyKeyWithSpacesIsRefused() throws Exception {
		this.mvc
			.perform(post("/api/v1/servers").header("Idempotency-Key", "my key")
				.contentType(MediaType.APPLICATION_JSON)
				.content(WEB))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
		verify(this.compute, never()).createServer(any(), any());
	}

	@Test
	void aBodyThatIsNotJsonIsABadRequestProblem() throws Exception {
		this.mvc
			.perform(post("/api/v1/servers").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"web\",,"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(INVALID_REQUEST))
			.andExpect(jsonPath("$.detail", startsWith("the request body is not valid JSON (line 1, column")))
			.andExpect(jsonPath("$.request_id", startsWith("req-")));
		verify(this.compute, never()).createServer(any(), any());
	}

	@Test
	void aMissingBodyIsABadRequestProblem() throws Exception {
		this.mvc.perform(post("/api/v1/servers").contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(INVALID_REQUEST));
	}

	@Test
	void anUnknownFieldIsABadRequestNamingIt() throws Exception {
		this.mvc.perform(post("/api/v1/servers").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "web", "flavour": "m1.small", "image": "cirros", "networks": ["private"]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("flavour"))
			.andExpect(jsonPath("$.errors[0].message").value("unknown field"))
			.andExpect(jsonPath("$.detail").value("flavour: unknown field"));
		verify(this.compute, never()).createServer(any(), any());
	}

	@Test
	void aFieldOfTheWrongTypeIsABadRequestNamingIt() throws Exception {
		this.mvc.perform(post("/api/v1/servers").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "web", "flavor": "m1.small", "image": "cirros", "networks": ["private"],
				 "count": "three"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("count"))
			.andExpect(jsonPath("$.errors[0].message").value("expected an integer"))
			.andExpect(jsonPath("$.detail").value("count: expected an integer"))
			.andExpect(jsonPath("$.detail").value(not(containsString("three"))));
		verify(this.compute, never()).createServer(any(), any());
	}

	@Test
	void aNetworkThatIsNotAStringIsABadRequestNamingItsIndex() throws Exception {
		this.mvc.perform(post("/api/v1/servers").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "web", "flavor": "m1.small", "image": "cirros", "networks": ["private", {"uuid": "x"}]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("networks[1]"))
			.andExpect(jsonPath("$.errors[0].message").value("expected a string"));
	}

	@Test
	void anInvalidRequestNamesEveryFieldAtFault() throws Exception {
		this.mvc.perform(post("/api/v1/servers").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": " web", "image": "cirros", "networks": [], "count": 0}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(INVALID_REQUEST))
			.andExpect(jsonPath("$.errors.length()").value(4))
			.andExpect(jsonPath("$.errors[0].field").value("name"))
			.andExpect(jsonPath("$.errors[1].field").value("flavor"))
			.andExpect(jsonPath("$.errors[2].field").value("networks"))
			.andExpect(jsonPath("$.errors[3].field").value("count"))
			.andExpect(jsonPath("$.errors[3].message").value("must be between 1 and 10"));
		verify(this.compute, never()).createServer(any(), any());
	}

	@Test
	void aTimeoutOfZeroIsRefusedWithoutCreating() throws Exception {
		this.mvc
			.perform(post("/api/v1/servers?wait=true&timeout=0").contentType(MediaType.APPLICATION_JSON).content(WEB))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(INVALID_REQUEST));
		verify(this.compute, never()).createServer(any(), any());
	}

	@Test
	void aTimeoutOverTheLongestWaitIsRefusedWithoutCreating() throws Exception {
		this.mvc
			.perform(post("/api/v1/servers?wait=true&timeout=61").contentType(MediaType.APPLICATION_JSON).content(WEB))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("timeout"))
			.andExpect(jsonPath("$.errors[0].message").value("must be at most 60 seconds"));
		verify(this.compute, never()).createServer(any(), any());
	}

	@Test
	void waitingForALaunchThatFailsAnswersOkWithTheErrorAndItsFault() throws Exception {
		given(this.compute.createServer(any(), any())).willReturn("s-1");
		ServerDto failed = new ServerDto("s-1", "web", ServerStatus.ERROR, List.of(),
				new ResourceRefDto("f-small", null), new ResourceRefDto("i-cirros", null),
				Instant.parse("2026-11-27T04:40:12Z"), "No valid host was found. There are not enough hosts available.",
				Map.of());
		given(this.compute.findServer(any(), eq("s-1"))).willReturn(
				Optional.of(server("s-1", "web", ServerStatus.BUILD)),
				Optional.of(server("s-1", "web", ServerStatus.BUILD)), Optional.of(failed));

		MvcResult result = this.mvc
			.perform(post("/api/v1/servers?wait=true&timeout=30").contentType(MediaType.APPLICATION_JSON).content(WEB))
			.andExpect(request().asyncStarted())
			.andReturn();

		this.mvc.perform(asyncDispatch(result))
			.andExpect(status().isOk())
			.andExpect(header().string("Location", "http://localhost/api/v1/servers/s-1"))
			.andExpect(jsonPath("$[0].id").value("s-1"))
			.andExpect(jsonPath("$[0].status").value("ERROR"))
			.andExpect(jsonPath("$[0].fault").value("No valid host was found. There are not enough hosts available."))
			.andExpect(jsonPath("$[0].flavor.name").value("m1.small"));
		verify(this.compute, times(3)).findServer(any(), eq("s-1"));
		verify(this.compute, times(1)).createServer(any(), any());
	}

	@Test
	void waitingPastTheTimeoutAnswersAcceptedWithTheServersAsTheyAre() throws Exception {
		given(this.compute.createServer(any(), any())).willReturn("s-1");
		given(this.compute.findServer(any(), eq("s-1")))
			.willReturn(Optional.of(server("s-1", "web", ServerStatus.BUILD)));

		MvcResult result = this.mvc
			.perform(post("/api/v1/servers?wait=true&timeout=1").contentType(MediaType.APPLICATION_JSON).content(WEB))
			.andExpect(request().asyncStarted())
			.andReturn();

		this.mvc.perform(asyncDispatch(result))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$[0].status").value("BUILD"));
	}

	@Test
	void aCreateOverQuotaIsAConflictProblemWithNovasStatus() throws Exception {
		given(this.compute.createServer(any(), any()))
			.willThrow(new CloudException(CloudException.Kind.QUOTA, OpenStackService.COMPUTE,
					"Nova answered 403: Quota exceeded for instances", 403, "req-nova-quota", null));

		this.mvc.perform(post("/api/v1/servers").contentType(MediaType.APPLICATION_JSON).content(WEB))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://stackgate.dev/problems/conflict"))
			.andExpect(jsonPath("$.title").value("Over a quota or limit of the project"))
			.andExpect(jsonPath("$.detail").value("Nova answered 403: Quota exceeded for instances"))
			.andExpect(jsonPath("$.upstream_status").value(403))
			.andExpect(jsonPath("$.openstack_request_id").value("req-nova-quota"));
	}

	@Test
	void anUnknownFlavorIsANotFoundProblemNamingTheField() throws Exception {
		this.mvc.perform(post("/api/v1/servers").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "web", "flavor": "m1.huge", "image": "cirros", "networks": ["private"]}"""))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://stackgate.dev/problems/not-found"))
			.andExpect(jsonPath("$.errors[0].field").value("flavor"))
			.andExpect(jsonPath("$.detail").value("flavor: no flavor with the id or name 'm1.huge' in this project"));
		verify(this.compute, never()).createServer(any(), any());
	}

	@Test
	void anAmbiguousNetworkNameIsAConflictProblemListingTheCandidates() throws Exception {
		this.mvc.perform(post("/api/v1/servers").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": "web", "flavor": "m1.small", "image": "cirros", "networks": ["shared"]}"""))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Ambiguous name"))
			.andExpect(jsonPath("$.errors[0].field").value("networks[0]"))
			.andExpect(jsonPath("$.candidates[0]").value("n-shared-a"))
			.andExpect(jsonPath("$.candidates[1]").value("n-shared-b"));
		verify(this.compute, never()).createServer(any(), any());
	}

	private static ServerDto server(String id, String name, ServerStatus status) {
		return new ServerDto(id, name, status, List.of(), new ResourceRefDto("f-small", null),
				new ResourceRefDto("i-cirros", null), Instant.parse("2026-11-27T04:40:12Z"), null, Map.of());
	}

}
