package io.stackgate.server.catalog;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.stackgate.api.FlavorDto;
import io.stackgate.api.ImageDto;
import io.stackgate.api.NetworkDto;
import io.stackgate.api.SubnetDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.ComputeClient;
import io.stackgate.server.cloud.ImageClient;
import io.stackgate.server.cloud.NetworkClient;
import io.stackgate.testing.WebTestConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(LaunchOptionsController.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD) // each test
																				// starts
																				// with
																				// empty
																				// caches
@Import({ LaunchOptionsService.class, WebTestConfiguration.class })
class LaunchOptionsControllerTests {

	private static final SubnetDto SUBNET = new SubnetDto("sn-1", "private-subnet", "10.0.0.0/24", 4);

	@Autowired
	MockMvc mvc;

	@Autowired
	LaunchOptionsService launchOptions;

	@MockitoBean
	ComputeClient compute;

	@MockitoBean
	ImageClient images;

	@MockitoBean
	NetworkClient networks;

	@Test
	void servesTheThreeListsInOneResponse() throws Exception {
		given(this.compute.listFlavors(any())).willReturn(List.of(new FlavorDto("1", "m1.tiny", 1, 512, 1)));
		given(this.images.listImages(any()))
			.willReturn(List.of(new ImageDto("img-1", "cirros", "active", 65536L, 1, 64)));
		given(this.networks.listNetworks(any()))
			.willReturn(List.of(new NetworkDto("n-1", "private", "ACTIVE", false, false, List.of(SUBNET))));

		this.mvc.perform(get("/api/v1/launch-options"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.flavors[0].name").value("m1.tiny"))
			.andExpect(jsonPath("$.flavors[0].ram").value(512))
			.andExpect(jsonPath("$.images[0].min_disk").value(1))
			.andExpect(jsonPath("$.images[0].min_ram").value(64))
			.andExpect(jsonPath("$.networks[0].subnets[0].cidr").value("10.0.0.0/24"))
			.andExpect(jsonPath("$.networks[0].subnets[0].ip_version").value(4));
	}

	@Test
	void offersOnlyNetworksTheProjectCanAttachTo() throws Exception {
		given(this.networks.listNetworks(any()))
			.willReturn(List.of(new NetworkDto("n-1", "private", "ACTIVE", false, false, List.of(SUBNET)),
					new NetworkDto("n-2", "public", "ACTIVE", false, true, List.of(SUBNET)),
					new NetworkDto("n-3", "provider", "ACTIVE", true, true, List.of(SUBNET)),
					new NetworkDto("n-4", "empty", "ACTIVE", false, false, List.of())));

		this.mvc.perform(get("/api/v1/networks"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].name").value("private"))
			.andExpect(jsonPath("$[1].name").value("provider"));
	}

	@Test
	void answersNotModifiedToAMatchingETagAndCallsNovaOnceWithinTheTtl() throws Exception {
		given(this.compute.listFlavors(any())).willReturn(List.of(new FlavorDto("1", "m1.tiny", 1, 512, 1)));

		MvcResult first = this.mvc.perform(get("/api/v1/flavors"))
			.andExpect(status().isOk())
			.andExpect(header().exists("ETag"))
			.andExpect(header().string("Age", "0"))
			.andReturn();
		String etag = first.getResponse().getHeader("ETag");
		this.mvc.perform(get("/api/v1/flavors").header("If-None-Match", etag)).andExpect(status().isNotModified());

		verify(this.compute, times(1)).listFlavors(any());
	}

	@Test
	void concurrentRequestsForAnUncachedListShareOneUpstreamCall() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		given(this.images.listImages(any())).willAnswer((invocation) -> {
			release.await(5, TimeUnit.SECONDS);
			return List.of(new ImageDto("img-1", "cirros", "active", 65536L, 1, 64));
		});
		CallContext context = new CallContext(() -> "another-project", "req-test");
		ExecutorService callers = Executors.newFixedThreadPool(16);
		try {
			List<Future<List<ImageDto>>> results = new java.util.ArrayList<>();
			for (int i = 0; i < 16; i++) {
				results.add(callers.submit(() -> this.launchOptions.images(context).join().value()));
			}
			Thread.sleep(200);
			release.countDown();
			for (Future<List<ImageDto>> result : results) {
				assertThat(result.get()).extracting(ImageDto::name).containsExactly("cirros");
			}
		}
		finally {
			callers.shutdownNow();
		}
		verify(this.images, times(1)).listImages(any());
	}

}
