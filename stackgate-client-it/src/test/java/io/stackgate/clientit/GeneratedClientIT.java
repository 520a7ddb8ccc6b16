package io.stackgate.clientit;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.stackgate.client.ApiClient;
import io.stackgate.client.ApiException;
import io.stackgate.client.ApiResponse;
import io.stackgate.client.api.AuthApi;
import io.stackgate.client.api.LaunchOptionsApi;
import io.stackgate.client.api.ServersApi;
import io.stackgate.client.model.CreateServerRequest;
import io.stackgate.client.model.FlavorDto;
import io.stackgate.client.model.ImageDto;
import io.stackgate.client.model.NetworkDto;
import io.stackgate.client.model.ProblemDto;
import io.stackgate.client.model.ServerDto;
import io.stackgate.client.model.TokenDto;
import io.stackgate.client.model.TokenRequestDto;

import io.stackgate.itsupport.CloudEnvironment;
import io.stackgate.itsupport.GatewayProcess;
import io.stackgate.itsupport.LaunchTarget;
import io.stackgate.itsupport.RealCloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Java client openapi-generator made from docs/openapi.json, and nothing else,
 * against the real gateway and cloud: what a client developer gets from the document
 * works. Logs in as the cloud's user, lists what a server is launched from, launches one
 * by names (what {@link LaunchTarget} found) with an Idempotency-Key and wait=true,
 * replays the key, reads the problem of a bad launch, and deletes the server. Never
 * skipped: without a cloud it fails.
 */
class GeneratedClientIT {

	private static final String NAME = "sgclient-it-" + UUID.randomUUID().toString().substring(0, 8);

	private static final String REQUEST_ID = "req-" + UUID.randomUUID();

	private static GatewayProcess gateway;

	private static ApiClient client;

	private static LaunchTarget target;

	@BeforeAll
	static void startGatewayAndLogIn() throws Exception {
		if (!CloudEnvironment.configured()) {
			fail(CloudEnvironment.howToConfigure("GeneratedClientIT"));
		}
		RealCloud cloud = RealCloud.fromEnvironment();
		target = LaunchTarget.discover(cloud);
		gateway = GatewayProcess.start(Path.of("target", "stackgate-server-it.log"),
				"--stackgate.launch.poll-interval=1s");
		gateway.awaitReady();
		client = new ApiClient();
		client.updateBaseUri(gateway.baseUrl());
		TokenDto token = new AuthApi(client).issueToken(new TokenRequestDto().username(cloud.username())
			.password(cloud.password())
			.project(cloud.projectName())
			.domain(cloud.userDomainName()), null);
		assertThat(token.getUser()).isEqualTo(cloud.username());
		assertThat(token.getProject()).isEqualTo(cloud.projectName());
		assertThat(token.getExpiresAt()).isNotNull();
		client.setRequestInterceptor((request) -> request.header("X-Auth-Token", token.getToken()));
	}

	@AfterAll
	static void stopGateway() throws Exception {
		if (gateway != null) {
			gateway.close();
		}
	}

	@Test
	void listsWhatAServerIsLaunchedFrom() throws Exception {
		LaunchOptionsApi options = new LaunchOptionsApi(client);
		List<FlavorDto> flavors = options.listFlavors(null, null);
		assertThat(flavors).extracting(FlavorDto::getId).contains(target.flavor().id());
		List<ImageDto> images = options.listImages(null, null);
		assertThat(images).extracting(ImageDto::getId).contains(target.image().id());
		List<NetworkDto> networks = options.listNetworks(null, null);
		assertThat(networks).filteredOn((network) -> target.network().id().equals(network.getId()))
			.singleElement()
			.satisfies((network) -> assertThat(network.getSubnets()).isNotEmpty());
	}

	@Test
	void launchesByNamesReplaysTheKeyAndDeletes() throws Exception {
		ServersApi servers = new ServersApi(client);
		String key = UUID.randomUUID().toString();
		CreateServerRequest launch = new CreateServerRequest().name(NAME)
			.flavor(target.flavor().name())
			.image(target.image().name())
			.networks(List.of(target.network().name()));
		String id = null;
		try {
			ApiResponse<List<ServerDto>> launched = servers.createServersWithHttpInfo(launch, key, true, 300,
					REQUEST_ID);
			assertThat(launched.getStatusCode()).isEqualTo(200);
			assertThat(launched.getHeaders().get("x-openstack-request-id")).containsExactly(REQUEST_ID);
			ServerDto server = launched.getData().get(0);
			id = server.getId();
			assertThat(server.getName()).isEqualTo(NAME);
			assertThat(server.getStatus()).isEqualTo(ServerDto.StatusEnum.ACTIVE);
			assertThat(server.getFlavor().getName()).isEqualTo(target.flavor().name());
			assertThat(server.getImage().getName()).isEqualTo(target.image().name());
			assertThat(server.getAddresses()).isNotEmpty().allSatisfy((address) -> {
				assertThat(address.getNetwork()).isEqualTo(target.network().name());
				assertThat(target.network().contains(address.getIp())).as(address.getIp()).isTrue();
			});

			ServerDto shown = servers.showServer(id, null);
			assertThat(shown.getAddresses()).isEqualTo(server.getAddresses());

			ApiResponse<List<ServerDto>> replayed = servers.createServersWithHttpInfo(launch, key, false, null, null);
			assertThat(replayed.getStatusCode()).isEqualTo(202);
			assertThat(replayed.getHeaders().get("idempotent-replayed")).containsExactly("true");
			assertThat(replayed.getData()).extracting(ServerDto::getId).containsExactly(id);
			assertThat(servers.listServers(NAME, null, null, null, null, null, null, null)).extracting(ServerDto::getId)
				.containsExactly(id);

			ApiResponse<Void> deleted = servers.deleteServerWithHttpInfo(id, true, 300, null);
			assertThat(deleted.getStatusCode()).isEqualTo(204);
			id = null;
		}
		finally {
			if (id != null) {
				servers.deleteServer(id, false, null, null);
			}
		}
	}

	@Test
	void aBadLaunchIsAProblemNamingTheField() throws Exception {
		CreateServerRequest launch = new CreateServerRequest().name(NAME + "-bad")
			.flavor(NAME + "-no-such-flavor")
			.image(target.image().name())
			.networks(List.of(target.network().name()));
		ApiException refused = catchThrowableOfType(ApiException.class,
				() -> new ServersApi(client).createServers(launch, null, false, null, null));
		assertThat(refused.getCode()).isEqualTo(404);
		assertThat(refused.getResponseHeaders().firstValue("content-type")).hasValue("application/problem+json");
		ProblemDto problem = client.getObjectMapper().readValue(refused.getResponseBody(), ProblemDto.class);
		assertThat(problem.getType()).isEqualTo(ProblemDto.TypeEnum.HTTPS_STACKGATE_DEV_PROBLEMS_NOT_FOUND);
		assertThat(problem.getStatus()).isEqualTo(404);
		assertThat(problem.getRequestId()).startsWith("req-");
		assertThat(problem.getErrors()).singleElement().satisfies((error) -> {
			assertThat(error.getField()).isEqualTo("flavor");
			assertThat(error.getMessage()).contains(NAME + "-no-such-flavor");
		});
	}

}
