package io.stackgate.server.servers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

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
import io.stackgate.testing.WebTestConfiguration;

import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(ServerController.class)
@Import({ ServerService.class, ServerWaits.class, WatchStreams.class, LaunchOptionsService.class,
		LiveViewConfiguration.class, WebTestConfiguration.class })
@TestPropertySource(properties = "stackgate.live.enabled=false")
class ServerControllerTests {

	private static final ServerDto VM1 = new ServerDto("s-1", "vm1", ServerStatus.ACTIVE,
			List.of(new AddressDto("private", "10.0.0.12", 4, AddressDto.Type.FIXED)), new ResourceRefDto("42", null),
			new ResourceRefDto("img-1", null), Instant.parse("2026-11-27T04:40:12Z"), null, Map.of());

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

	@Test
	void listsServersWithFlavorAndImageNames() throws Exception {
		givenFlavorsAndImages();
		given(this.compute.listServers(any(), eq(new ServerQuery(null, null, null, null))))
			.willReturn(new ServerPage(List.of(VM1), null));

		this.mvc.perform(get("/api/v1/servers"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Link"))
			.andExpect(jsonPath("$[0].id").value("s-1"))
			.andExpect(jsonPath("$[0].status").value("ACTIVE"))
			.andExpect(jsonPath("$[0].addresses[0].network").value("private"))
			.andExpect(jsonPath("$[0].addresses[0].ip").value("10.0.0.12"))
			.andExpect(jsonPath("$[0].addresses[0].type").value("fixed"))
			.andExpect(jsonPath("$[0].flavor.name").value("m1.nano"))
			.andExpect(jsonPath("$[0].image.name").value("cirros"))
			.andExpect(jsonPath("$[0].created").value("2026-11-27T04:40:12Z"));
	}

	@Test
	void aFlavorNovaNamesOnlyByNameGetsTheIdOfTheProjectsFlavorOfThatNameOrNone() throws Exception {
		givenFlavorsAndImages();
		ServerDto byName = VM1.withFlavor(new ResourceRefDto(null, "m1.nano"));
		ServerDto goneFlavor = VM1.withFlavor(new ResourceRefDto(null, "m1.retired"));
		given(this.compute.listServers(any(), eq(new ServerQuery(null, null, null, null))))
			.willReturn(new ServerPage(List.of(byName, goneFlavor), null));

		this.mvc.perform(get("/api/v1/servers"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].flavor.id").value("42"))
			.andExpect(jsonPath("$[0].flavor.name").value("m1.nano"))
			.andExpect(jsonPath("$[1].flavor.id").value(nullValue()))
			.andExpect(jsonPath("$[1].flavor.name").value("m1.retired"));
	}

	@Test
	void linksTheNextPage() throws Exception {
		givenFlavorsAndImages();
		given(this.compute.listServers(any(), eq(new ServerQuery("vm", ServerStatus.ACTIVE, 1, null))))
			.willReturn(new ServerPage(List.of(VM1), "s-1"));

		this.mvc.perform(get("/api/v1/servers?name=vm&status=active&limit=1"))
			.andExpect(status().isOk())
			.andExpect(header().string("Link",
					"<http://localhost/api/v1/servers?name=vm&status=active&limit=1&marker=s-1>; rel=\"next\""));
	}

	@Test
	void rejectsAnUnknownStatusWithoutCallingTheCloud() throws Exception {
		this.mvc.perform(get("/api/v1/servers?status=RUNNING"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://stackgate.dev/problems/invalid-request"))
			.andExpect(jsonPath("$.errors[0].field").value("status"))
			.andExpect(jsonPath("$.request_id", startsWith("req-")));
		verify(this.compute, never()).listServers(any(), any());
	}

	@Test
	void rejectsALimitOutOfRange() throws Exception {
		this.mvc.perform(get("/api/v1/servers?limit=0"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://stackgate.dev/problems/invalid-request"));
		verify(this.compute, never()).listServers(any(), any());
	}

	@Test
	void anUnknownServerIsANotFoundProblem() throws Exception {
		givenFlavorsAndImages();
		given(this.compute.findServer(any(), eq("nope"))).willReturn(Optional.empty());

		this.mvc.perform(get("/api/v1/servers/nope"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://stackgate.dev/problems/not-found"))
			.andExpect(jsonPath("$.detail").value("No server 'nope' in this project"))
			.andExpect(jsonPath("$.instance").value("/api/v1/servers/nope"));
	}

	@Test
	void aFailingNovaIsAnUpstreamProblemWithItsRequestId() throws Exception {
		givenFlavorsAndImages();
		given(this.compute.listServers(any(), any())).willThrow(new CloudException(CloudException.Kind.UPSTREAM_ERROR,
				OpenStackService.COMPUTE, "Nova answered 500", 500, "req-nova-1", null));

		this.mvc.perform(get("/api/v1/servers"))
			.andExpect(status().isBadGateway())
			.andExpect(jsonPath("$.type").value("https://stackgate.dev/problems/upstream-error"))
			.andExpect(jsonPath("$.openstack_service").value("compute"))
			.andExpect(jsonPath("$.upstream_status").value(500))
			.andExpect(jsonPath("$.openstack_request_id").value("req-nova-1"));
	}

	@Test
	void anUnreachableNovaIsUnavailable() throws Exception {
		givenFlavorsAndImages();
		given(this.compute.listServers(any(), any())).willThrow(new CloudException(CloudException.Kind.UNAVAILABLE,
				OpenStackService.COMPUTE, "Nova could not be reached", null, null, null));

		this.mvc.perform(get("/api/v1/servers"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.type").value("https://stackgate.dev/problems/upstream-unavailable"));
	}

	@Test
	void echoesAValidRequestIdAndReplacesAnInvalidOne() throws Exception {
		givenFlavorsAndImages();
		given(this.compute.findServer(any(), eq("s-1"))).willReturn(Optional.of(VM1));
		String requestId = "req-1b4e28ba-2fa1-11d2-883f-0016d3cca427";

		this.mvc.perform(get("/api/v1/servers/s-1").header("X-Openstack-Request-Id", requestId))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Openstack-Request-Id", requestId));
		this.mvc.perform(get("/api/v1/servers/s-1").header("X-Openstack-Request-Id", "evil\r\ninjected"))
			.andExpect(header().string("X-Openstack-Request-Id", startsWith("req-")));
	}

	@Test
	void anUnknownRouteIsANotFoundProblem() throws Exception {
		this.mvc.perform(get("/api/v1/nothing-here"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://stackgate.dev/problems/not-found"));
	}

	private void givenFlavorsAndImages() {
		given(this.compute.listFlavors(any())).willReturn(List.of(new FlavorDto("42", "m1.nano", 1, 128, 1)));
		given(this.images.listImages(any()))
			.willReturn(List.of(new ImageDto("img-1", "cirros", "active", 65536L, 0, 0)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "detail", "DETAIL", "a?all_tenants=1", "a/b", "a b", "a\u0001b", "-1", "%2e%2e" })
	void anIdThatCannotBeAServersIsNotFoundWithoutAskingNova(String id) throws Exception {
		this.mvc.perform(get("/api/v1/servers/{id}", id))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(delete("/api/v1/servers/{id}", id))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));

		verify(this.compute, never()).findServer(any(), any());
		verify(this.compute, never()).deleteServer(any(), any());
	}

	@Test
	void aMarkerThatCannotBeAServersIdIsABadRequestNamingIt() throws Exception {
		this.mvc.perform(get("/api/v1/servers").param("marker", "../x"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("marker"));

		verify(this.compute, never()).listServers(any(), any());
	}

}
