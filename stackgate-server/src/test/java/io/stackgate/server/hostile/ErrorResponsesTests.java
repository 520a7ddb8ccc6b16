package io.stackgate.server.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.stackgate.testing.hostile.HostileRequest;
import io.stackgate.testing.hostile.RawHttp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every layer answers with the gateway's problem JSON: Tomcat refusing a request before
 * the application sees it, the servlet container's error page, TRACE, and the request
 * errors that used to say too little.
 */
class ErrorResponsesTests extends WireMockGateway {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String LAUNCH = "\"flavor\": \"m1.nano\", \"image\": \"cirros-fake-raw\", \"networks\": [\"private\"]";

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/servers/a%00b", "/api/v1/servers/a%2Fb", "/api/v1/servers/\u00e9" })
	void aPathTomcatRefusesIsABadRequestProblem(String target) throws Exception {
		assertProblem(send("GET", target, List.of(), null), 400);
	}

	@Test
	void headersOverTomcatsLimitAreABadRequestProblem() throws Exception {
		assertProblem(
				send("GET", "/api/v1/flavors", List.<String[]>of(new String[] { "X-Pad", "p".repeat(20_000) }), null),
				400);
	}

	@Test
	void aControlCharacterInAHeaderIsABadRequestProblem() throws Exception {
		assertProblem(send("GET", "/api/v1/flavors", List.<String[]>of(new String[] { "X-Foo", "a\u0001b" }), null),
				400);
	}

	@Test
	void traceIsAProblemWithTheMethodsOfTheRoute() throws Exception {
		RawHttp.Response response = send("TRACE", "/api/v1/flavors", List.of(), null);

		assertProblem(response, 405);
		assertThat(response.header("Allow")).isEqualTo("GET, HEAD, OPTIONS");
		assertThat(response.body()).doesNotContain(TOKEN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "HTTP/2.0", "HTTP/1.2", "HTTP/3", "HTTP/11" })
	void aProtocolVersionTomcatDoesNotSpeakIsABadRequestProblemNotA505(String version) throws Exception {
		assertProblem(http().send(new HostileRequest("test", "test", "GET", "/api/v1/flavors",
				List.<String[]>of(new String[] { "X-Auth-Token", TOKEN }), null, null, version)), 400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "gzip", "identity", "foo", "gzip, chunked" })
	void aTransferCodingOtherThanChunkedIsABadRequestProblemNotA501(String coding) throws Exception {
		assertProblem(
				send("POST", "/api/v1/auth/tokens", List.<String[]>of(new String[] { "Transfer-Encoding", coding },
						new String[] { "Content-Type", "application/json" }), null),
				400);
	}

	@Test
	void connectIsAMethodNotAllowedProblemNotA501() throws Exception {
		assertProblem(send("CONNECT", "/api/v1/flavors", List.of(), null), 405);
	}

	/**
	 * Tomcat would answer an HTTP/0.9 request line with the route's body alone, and, from
	 * then on, the requests it refuses on other connections too.
	 */
	@Test
	void anHttp09RequestIsABadRequestProblemWithAStatusLineAndLeavesNoTrace() throws Exception {
		HostileRequest http09 = new HostileRequest("test", "test", "GET", "/api/v1/flavors", List.of(), null, null, "");
		JsonNode problem = assertProblem(http().send(http09), 400);
		assertThat(problem.path("detail").asString()).contains("no protocol version");

		assertProblem(
				http().send(new HostileRequest("test", "test", "GET", "/nope", List.of(), null, null, "http/1.1")),
				400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/actuator/health/nope", "/actuator/health/liveness/nope", "/actuator/nope" })
	void anUnknownActuatorPathIsANotFoundProblem(String target) throws Exception {
		assertProblem(send("GET", target, List.of(), null), 404);
	}

	@Test
	void theErrorPageItselfIsNoRoute() throws Exception {
		assertProblem(send("GET", "/error", List.of(), null), 404);
	}

	@Test
	void aQueryStringThatCannotBeDecodedIsABadRequestProblem() throws Exception {
		assertProblem(send("GET", "/api/v1/servers?a=%zz", List.of(), null), 400);
	}

	@Test
	void anUnparseableAcceptHeaderIsAProblemToo() throws Exception {
		assertProblem(
				send("GET", "/api/v1/flavors", List.<String[]>of(new String[] { "Accept", "\u00ff\u00fe" }), null),
				406);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u00ff\u00fe", "json" })
	void anUnparseableAcceptBesideAnotherErrorStillGetsAProblem(String accept) throws Exception {
		List<String[]> headers = List.of(new String[] { "Accept", "application/json, application/problem+json" },
				new String[] { "Accept", accept });

		assertProblem(send("GET", "/api/v1/servers?status=x&marker=x", headers, null), 406);
	}

	@Test
	void aLaunchWithAnUnparseableAcceptCreatesNothing() throws Exception {
		Set<String> before = Set.copyOf(nova.created());
		byte[] body = ("{\"name\": \"" + PREFIX + "accept\", " + LAUNCH + "}").getBytes(StandardCharsets.UTF_8);

		RawHttp.Response response = http().send(new HostileRequest(
				"test", "test", "POST", "/api/v1/servers", List.of(new String[] { "Content-Type", "application/json" },
						new String[] { "X-Auth-Token", TOKEN }, new String[] { "Accept", "\u00ff\u00fe" }),
				body, null));

		assertProblem(response, 406);
		assertThat(nova.created()).containsExactlyInAnyOrderElementsOf(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*", "application/*", "not a type" })
	void aContentTypeThatNamesNoTypeIsUnsupported(String type) throws Exception {
		RawHttp.Response response = http().send(new HostileRequest("test", "test", "POST", "/api/v1/auth/tokens",
				List.<String[]>of(new String[] { "Content-Type", type }),
				"{\"username\": \"demo\"}".getBytes(StandardCharsets.UTF_8), null));

		assertProblem(response, 415);
	}

	@ParameterizedTest
	@ValueSource(strings = { "limit=abc", "limit=0", "limit=1001", "limit=2147483648" })
	void aQueryParameterErrorNamesTheParameter(String query) throws Exception {
		JsonNode problem = assertProblem(send("GET", "/api/v1/servers?" + query, List.of(), null), 400);

		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("limit");
	}

	@Test
	void aDuplicateKeyIsRefusedNamingIt() throws Exception {
		int before = nova.created().size();
		JsonNode problem = assertProblem(send("POST", "/api/v1/servers", List.of(),
				"{\"name\": \"" + PREFIX + "dup\", \"name\": \"" + PREFIX + "other\", " + LAUNCH + "}"), 400);

		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("name");
		assertThat(nova.created()).hasSize(before);
	}

	@Test
	void aCountPastIntIsOutOfRangeNotMalformedJson() throws Exception {
		JsonNode problem = assertProblem(send("POST", "/api/v1/servers", List.of(),
				"{\"name\": \"" + PREFIX + "big\", " + LAUNCH + ", \"count\": 2147483648}"), 400);

		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("count");
		assertThat(problem.path("detail").asString()).contains("out of range");
	}

	@Test
	void aMarkerWithoutALimitStartsAfterTheMarker() throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			RawHttp.Response created = send("POST", "/api/v1/servers", List.of(),
					"{\"name\": \"" + PREFIX + "page-" + i + "\", " + LAUNCH + "}");
			ids.add(JSON.readTree(created.body()).get(0).path("id").asString());
		}
		List<String> inListOrder = listed(send("GET", "/api/v1/servers", List.of(), null));
		inListOrder.retainAll(ids);

		RawHttp.Response page = send("GET", "/api/v1/servers?marker=" + inListOrder.get(0), List.of(), null);

		assertThat(page.status()).isEqualTo(200);
		assertThat(listed(page)).doesNotContain(inListOrder.get(0)).contains(inListOrder.get(1), inListOrder.get(2));
	}

	private static List<String> listed(RawHttp.Response page) {
		List<String> listed = new ArrayList<>();
		JSON.readTree(page.body()).forEach((server) -> listed.add(server.path("id").asString()));
		return listed;
	}

	private RawHttp.Response send(String method, String target, List<String[]> extra, String json) throws Exception {
		List<String[]> headers = new ArrayList<>();
		headers.add(new String[] { "X-Auth-Token", TOKEN });
		if (json != null) {
			headers.add(new String[] { "Content-Type", "application/json" });
		}
		headers.addAll(extra);
		return http().send(new HostileRequest("test", "test", method, target, headers,
				(json != null) ? json.getBytes(StandardCharsets.UTF_8) : null, null));
	}

	private static JsonNode assertProblem(RawHttp.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("request_id").asString()).startsWith("req-");
		return problem;
	}

}
