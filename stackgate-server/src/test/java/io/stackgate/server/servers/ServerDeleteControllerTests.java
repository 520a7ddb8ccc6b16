package io.stackgate.server.servers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.stackgate.api.ResourceRefDto;
import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.server.catalog.LaunchOptionsService;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.ComputeClient;
import io.stackgate.server.cloud.ImageClient;
import io.stackgate.server.cloud.NetworkClient;
import io.stackgate.server.cloud.OpenStackService;
import io.stackgate.server.servers.view.LiveViewConfiguration;
import io.stackgate.testing.WebTestConfiguration;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code DELETE /api/v1/servers/{id}} over a mocked cloud.
 */
@WebMvcTest(ServerController.class)
@Import({ ServerService.class, ServerWaits.class, WatchStreams.class, LaunchOptionsService.class,
		LiveViewConfiguration.class, WebTestConfiguration.class })
@TestPropertySource(properties = "stackgate.live.enabled=false")
class ServerDeleteControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ComputeClient compute;

	@MockitoBean
	ImageClient images;

	@MockitoBean
	NetworkClient networks;

	@Test
	void aDeleteIsAccepted() throws Exception {
		MvcResult result = this.mvc.perform(delete("/api/v1/servers/s-1"))
			.andExpect(request().asyncStarted())
			.andReturn();

		this.mvc.perform(asyncDispatch(result)).andExpect(status().isAccepted());
		verify(this.compute).deleteServer(any(), eq("s-1"));
	}

	@Test
	void deletingAnUnknownServerIsANotFoundProblem() throws Exception {
		willThrow(new CloudException(CloudException.Kind.NOT_FOUND, OpenStackService.COMPUTE,
				"Nova answered 404: Instance nope could not be found.", 404, null, null))
			.given(this.compute)
			.deleteServer(any(), eq("nope"));

		this.mvc.perform(delete("/api/v1/servers/nope"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://stackgate.dev/problems/not-found"))
			.andExpect(jsonPath("$.detail").value("No server 'nope' in this project"))
			.andExpect(jsonPath("$.instance").value("/api/v1/servers/nope"));
	}

	@Test
	void aDeleteNovaFailsIsAnUpstreamProblem() throws Exception {
		willThrow(new CloudException(CloudException.Kind.UPSTREAM_ERROR, OpenStackService.COMPUTE, "Nova answered 500",
				500, "req-nova-del", null))
			.given(this.compute)
			.deleteServer(any(), eq("s-1"));

		this.mvc.perform(delete("/api/v1/servers/s-1"))
			.andExpect(status().isBadGateway())
			.andExpect(jsonPath("$.openstack_request_id").value("req-nova-del"));
	}

	@Test
	void waitingForADeleteAnswersNoContentOnceTheServerIsGone() throws Exception {
		given(this.compute.findServer(any(), eq("s-1"))).willReturn(
				Optional.of(server("s-1", "web", ServerStatus.ACTIVE)),
				Optional.of(server("s-1", "web", ServerStatus.DELETED)), Optional.empty());

		MvcResult result = this.mvc.perform(delete("/api/v1/servers/s-1?wait=true&timeout=30"))
			.andExpect(request().asyncStarted())
			.andReturn();

		this.mvc.perform(asyncDispatch(result)).andExpect(status().isNoContent());
		verify(this.compute).deleteServer(any(), eq("s-1"));
		// A server Nova still shows as DELETED is still in Nova's lists: the wait goes on
		// until Nova forgets it.
		verify(this.compute, times(3)).findServer(any(), eq("s-1"));
	}

	@Test
	void aDeleteWithATimeoutOverTheLongestWaitIsRefusedBeforeDeleting() throws Exception {
		this.mvc.perform(delete("/api/v1/servers/s-1?wait=true&timeout=3600"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("timeout"));
		verify(this.compute, never()).deleteServer(any(), anyString());
	}

	private static ServerDto server(String id, String name, ServerStatus status) {
		return new ServerDto(id, name, status, List.of(), new ResourceRefDto("f-small", null),
				new ResourceRefDto("i-cirros", null), Instant.parse("2026-11-27T04:40:12Z"), null, Map.of());
	}

}
