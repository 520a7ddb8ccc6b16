package io.stackgate.server.servers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.convention.TestBean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.stackgate.api.AddressDto;
import io.stackgate.api.FlavorDto;
import io.stackgate.api.ImageDto;
import io.stackgate.api.ResourceRefDto;
import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.server.catalog.LaunchOptionsService;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.ComputeClient;
import io.stackgate.server.cloud.ImageClient;
import io.stackgate.server.cloud.LaunchLocks;
import io.stackgate.server.cloud.NetworkClient;
import io.stackgate.server.cloud.OpenStackService;
import io.stackgate.server.cloud.ServerPage;
import io.stackgate.server.cloud.ServerQuery;
import io.stackgate.server.servers.view.LiveViewConfiguration;
import io.stackgate.testing.MutableClock;
import io.stackgate.testing.WebTestConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/v1/servers} served from the live view: ETags and 304s, {@code Age},
 * {@code Cache-Control:
 * no-cache}, read-your-writes for a delete, and the watch stream. Background polls are an
 * hour apart here, so every call to Nova is one the request made.
 */
@WebMvcTest(ServerController.class)
@Import({ ServerService.class, ServerWaits.class, WatchStreams.class, LaunchOptionsService.class,
		LiveViewConfiguration.class, WebTestConfiguration.class })
@TestPropertySource(properties = "stackgate.live.poll-interval=1h")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class ServerLiveListControllerTests {

	/** The views' time. */
	private static final MutableClock clock = new MutableClock(Instant.now());

	private static final ServerQuery EVERY_SERVER = new ServerQuery(null, null, null, null);

	private static final ServerDto VM1 = new ServerDto("s-1", "vm1", ServerStatus.ACTIVE,
			List.of(new AddressDto("private", "10.0.0.12", 4, AddressDto.Type.FIXED)), new ResourceRefDto("42", null),
			new ResourceRefDto("img-1", null), Instant.parse("2026-11-27T04:40:12Z"), null, Map.of());

	private static final ServerDto VM2 = new ServerDto("s-2", "vm2", ServerStatus.BUILD, List.of(),
			new ResourceRefDto("42", null), new ResourceRefDto("img-1", null), Instant.parse("2026-11-27T05:00:00Z"),
			null, Map.of());

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

	@TestBean
	Clock viewsClock;

	/** Runs the watch streams' writes at once, on the thread that queues them. */
	@TestBean
	Executor applicationTaskExecutor;

	static Clock viewsClock() {
		return clock;
	}

	static Executor applicationTaskExecutor() {
		return Runnable::run;
	}

	@BeforeEach
	void givenACloud() {
		given(this.compute.listFlavors(any())).willReturn(List.of(new FlavorDto("42", "m1.nano", 1, 128, 1)));
		given(this.images.listImages(any()))
			.willReturn(List.of(new ImageDto("img-1", "cirros", "active", 65536L, 0, 0)));
		given(this.compute.listServers(any(), eq(EVERY_SERVER))).willReturn(new ServerPage(List.of(VM1, VM2), null));
	}

	@Test
	void listsFromTheViewWithAnAgeAndAnETagThatAnswers304() throws Exception {
		MvcResult first = this.mvc.perform(get("/api/v1/servers?limit=1"))
			.andExpect(status().isOk())
			.andExpect(header().string("Age", matchesPattern("[0-9]+")))
			.andExpect(jsonPath("$[0].id").value("s-2"))
			.andExpect(jsonPath("$[0].flavor.name").value("m1.nano"))
			.andExpect(header().string("Link", "<http://localhost/api/v1/servers?limit=1&marker=s-2>; rel=\"next\""))
			.andReturn();
		String etag = first.getResponse().getHeader("ETag");
		assertThat(etag).isNotBlank();

		this.mvc.perform(get("/api/v1/servers?limit=1").header("If-None-Match", etag))
			.andExpect(status().isNotModified());
		this.mvc.perform(get("/api/v1/servers?limit=1&marker=s-2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value("s-1"))
			.andExpect(header().doesNotExist("Link"));

		verify(this.compute, times(1)).listServers(any(), any());
	}

	@Test
	void noCacheAsksNova() throws Exception {
		given(this.compute.listServers(any(), eq(new ServerQuery("vm", null, null, null))))
			.willReturn(new ServerPage(List.of(VM1), null));

		this.mvc.perform(get("/api/v1/servers?name=vm").header("Cache-Control", "no-cache"))
			.andExpect(status().isOk())
			.andExpect(header().string("Age", "0"))
			.andExpect(jsonPath("$.length()").value(1));

		verify(this.compute).listServers(any(), eq(new ServerQuery("vm", null, null, null)));
	}

	@Test
	void aDeleteThroughTheGatewayIsInTheCallersNextList() throws Exception {
		this.mvc.perform(get("/api/v1/servers")).andExpect(jsonPath("$.length()").value(2));
		given(this.compute.listServersChangedSince(any(), any()))
			.willReturn(List.of(VM2.withStatus(ServerStatus.DELETED)));

		MvcResult deleted = this.mvc.perform(delete("/api/v1/servers/s-2")).andReturn();
		this.mvc.perform(asyncDispatch(deleted)).andExpect(status().isAccepted());

		this.mvc.perform(get("/api/v1/servers"))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].id").value("s-1"));
	}

	@Test
	void aListIsAnsweredFromTheViewWithItsAgeWhileNovaIsOutUnlessNovaWasAskedFor() throws Exception {
		this.mvc.perform(get("/api/v1/servers")).andExpect(status().isOk());
		// Past stackgate.live.max-staleness (30 s), within stale-if-error (5 min).
		clock.advance(Duration.ofSeconds(31));
		given(this.compute.listServers(any(), any())).willThrow(new CloudException(CloudException.Kind.TIMEOUT,
				OpenStackService.COMPUTE, "Nova did not answer in time", null, null, null));

		this.mvc.perform(get("/api/v1/servers"))
			.andExpect(status().isOk())
			.andExpect(header().string("Age", matchesPattern("[0-9]+")))
			.andExpect(jsonPath("$.length()").value(2));
		this.mvc.perform(get("/api/v1/servers").header("Cache-Control", "no-cache"))
			.andExpect(status().isGatewayTimeout());
	}

	@Test
	void watchingStreamsTheListAsServerSentEvents() throws Exception {
		MvcResult result = this.mvc.perform(get("/api/v1/servers?watch=true&status=ACTIVE"))
			.andExpect(request().asyncStarted())
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("text/event-stream")))
			.andReturn();

		String stream = result.getResponse().getContentAsString();
		assertThat(stream).startsWith("id:").contains("\nevent:list\ndata:[{\"id\":\"s-1\"");
		assertThat(stream).doesNotContain("s-2").contains("\"name\":\"m1.nano\"");
	}

	@Test
	void aWatchCannotBeStartedWithAnUnknownStatus() throws Exception {
		this.mvc.perform(get("/api/v1/servers?watch=true&status=RUNNING"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"));
	}

}
