package io.stackgate.server.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Nova that stalls (every answer delayed past the read timeout), in front of the whole
 * gateway: calls to it end as 504 problems at the read timeout, calls past its bulkhead
 * as 503 problems at once, and meanwhile the cached launch options answer in
 * milliseconds, and the Keystone-only routes (login, readiness) answer: one stalled
 * service holds only its own bulkhead's request threads.
 */
// Lists go to Nova here (no live view), so that the test counts its own calls in Nova's
// bulkhead, not a view's.
@TestPropertySource(properties = { "stackgate.upstream.read-timeout=4s", "stackgate.upstream.max-concurrent-calls=3",
		"stackgate.upstream.bulkhead-max-wait=200ms", "stackgate.live.enabled=false" })
class SlowNovaTests extends WireMockGateway {

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(4);

	private static final int NOVA_STALL_MILLIS = 10_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void aStalledNovaIsA504AtTheReadTimeoutAndStarvesNoOtherRoute() throws Exception {
		assertThat(send("GET", "/api/v1/launch-options", null).response().statusCode()).isEqualTo(200);
		openstack.stubFor(any(urlPathMatching("/compute/.*")).atPriority(1)
			.willReturn(okJson("{\"servers\": []}").withFixedDelay(NOVA_STALL_MILLIS)));

		ExecutorService callers = Executors.newFixedThreadPool(5);
		List<CompletableFuture<Timed>> lists = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			lists.add(CompletableFuture.supplyAsync(() -> send("GET", "/api/v1/servers", null), callers));
		}
		callers.shutdown();
		Thread.sleep(500);
		Timed options = send("GET", "/api/v1/launch-options", null);
		Timed login = send("POST", "/api/v1/auth/tokens",
				"{\"username\": \"demo\", \"password\": \"secret\", \"project\": \"demo\"}");
		Timed readiness = send("GET", "/actuator/health/readiness", null);
		long stillWaiting = lists.stream().filter((list) -> !list.isDone()).count();

		assertThat(options.response().statusCode()).isEqualTo(200);
		assertThat(options.took()).as("cached launch options while Nova stalls").isLessThan(Duration.ofMillis(500));
		assertThat(login.response().statusCode()).as(login.response().body()).isEqualTo(201);
		assertThat(readiness.response().statusCode()).isEqualTo(200);
		assertThat(stillWaiting).as("server lists in Nova's bulkhead, still waiting for it meanwhile").isEqualTo(3);
		int timeouts = 0;
		for (CompletableFuture<Timed> list : lists) {
			Timed answer = list.get();
			JsonNode problem = JSON.readTree(answer.response().body());
			assertThat(answer.took()).as("answered within the read timeout + 2 s")
				.isLessThan(READ_TIMEOUT.plusSeconds(2));
			if (answer.response().statusCode() == 504) {
				timeouts++;
				assertThat(answer.took()).as("a timeout at the read timeout").isGreaterThanOrEqualTo(READ_TIMEOUT);
				assertThat(problem.path("type").asString())
					.isEqualTo("https://stackgate.dev/problems/upstream-timeout");
				assertThat(problem.path("detail").asString()).isEqualTo("Nova did not answer in time");
			}
			else {
				assertThat(answer.response().statusCode()).as(answer.response().body()).isEqualTo(503);
				assertThat(problem.path("detail").asString()).startsWith("Nova is busy");
			}
			assertThat(problem.path("request_id").asString()).isNotEmpty();
		}
		assertThat(timeouts).as("one timeout per place in Nova's bulkhead").isEqualTo(3);
	}

	private Timed send(String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
		if (path.startsWith("/api/v1/") && json == null) {
			request.header("X-Auth-Token", TOKEN);
		}
		if (json != null) {
			request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Timed(response, Duration.ofNanos(System.nanoTime() - start));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Timed(HttpResponse<String> response, Duration took) {
	}

}
