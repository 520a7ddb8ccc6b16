package io.stackgate.server.cloud.openstack4j;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CallerSession;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.CloudException.Kind;
import io.stackgate.server.cloud.IssuedToken;
import io.stackgate.server.cloud.PasswordCredentials;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KeystoneCallerTokensTests {

	private static final String CALLER_TOKEN = "gAAAAAB-caller-token";

	private static final String REQUEST_ID = "req-1b4e28ba-2fa1-11d2-883f-0016d3cca427";

	@RegisterExtension
	static WireMockExtension openstack = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	private OpenStackStubs stubs;

	private KeystoneCallerTokens tokens;

	@BeforeEach
	void setUp() {
		this.stubs = new OpenStackStubs(openstack);
		this.tokens = new KeystoneCallerTokens(this.stubs.clients(), this.stubs.calls(),
				this.stubs.baseUrl() + "/identity/v3", Clock.systemUTC());
	}

	@Test
	void aTokenValidatesItselfAndBecomesASessionInItsProject() {
		this.stubs.keystoneValidates(CALLER_TOKEN, Instant.now().plus(Duration.ofHours(1)));

		CallerSession session = this.tokens.validate(CALLER_TOKEN, REQUEST_ID);

		assertThat(session.projectId()).isEqualTo("p-demo");
		assertThat(session.projectName()).isEqualTo("demo");
		assertThat(session.userId()).isEqualTo("u-1");
		assertThat(session.userName()).isEqualTo("demo");
		assertThat(session.expiresAt()).isAfter(Instant.now());
		assertThat(session.toString()).doesNotContain(CALLER_TOKEN);
		openstack.verify(getRequestedFor(urlEqualTo("/identity/v3/auth/tokens"))
			.withHeader("X-Auth-Token", equalTo(CALLER_TOKEN))
			.withHeader("X-Subject-Token", equalTo(CALLER_TOKEN))
			.withHeader("X-OpenStack-Request-ID", equalTo(REQUEST_ID)));
	}

	@Test
	void theCloudIsCalledWithTheCallersTokenAndTheCatalogOfItsValidation() {
		this.stubs.keystoneValidates(CALLER_TOKEN, Instant.now().plus(Duration.ofHours(1)));
		openstack.stubFor(get(urlPathEqualTo("/compute/v2.1/flavors/detail")).willReturn(okJson("{\"flavors\": []}")));
		CallerSession session = this.tokens.validate(CALLER_TOKEN, REQUEST_ID);

		new NovaCompute(this.stubs.calls()).listFlavors(new CallContext(session, REQUEST_ID));

		openstack.verify(getRequestedFor(urlPathEqualTo("/compute/v2.1/flavors/detail")).withHeader("X-Auth-Token",
				equalTo(CALLER_TOKEN)));
	}

	@Test
	void aCallerTokenThatOpenStackRefusesIsUnauthorizedAndNotRenewed() {
		this.stubs.keystoneValidates(CALLER_TOKEN, Instant.now().plus(Duration.ofHours(1)));
		openstack.stubFor(get(urlPathEqualTo("/compute/v2.1/flavors/detail")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"error\": {\"code\": 401, \"message\": \"The request you have made requires authentication.\"}}")));
		CallerSession session = this.tokens.validate(CALLER_TOKEN, REQUEST_ID);

		assertThatExceptionOfType(CloudException.class)
			.isThrownBy(() -> new NovaCompute(this.stubs.calls()).listFlavors(new CallContext(session, REQUEST_ID)))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAUTHORIZED));
		openstack.verify(0, postRequestedFor(urlEqualTo("/identity/v3/auth/tokens")));
	}

	@Test
	void aTokenKeystoneRefusesIsUnauthorized() {
		openstack.stubFor(get(urlEqualTo("/identity/v3/auth/tokens")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": \"The request you have made requires authentication.\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.tokens.validate(CALLER_TOKEN, REQUEST_ID))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAUTHORIZED))
			.satisfies((ex) -> assertThat(ex.getMessage()).isEqualTo("Keystone does not accept the token"));
	}

	@Test
	void aTokenKeystoneDoesNotFindIsUnauthorized() {
		openstack.stubFor(get(urlEqualTo("/identity/v3/auth/tokens")).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"error\": {\"code\": 404, \"title\": \"Not Found\", \"message\": \"Could not find token.\"}}")));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.tokens.validate(CALLER_TOKEN, REQUEST_ID))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAUTHORIZED));
	}

	@Test
	void aTokenWithoutAProjectIsUnauthorized() {
		openstack.stubFor(get(urlEqualTo("/identity/v3/auth/tokens")).willReturn(okJson("""
				{"token": {"methods": ["password"], "expires_at": "%s", "issued_at": "%s",
				 "user": {"id": "u-1", "name": "demo", "domain": {"id": "default", "name": "Default"}}}}"""
			.formatted(Instant.now().plus(Duration.ofHours(1)), Instant.now()))));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.tokens.validate(CALLER_TOKEN, REQUEST_ID))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAUTHORIZED))
			.satisfies((ex) -> assertThat(ex.getMessage()).isEqualTo("The token is not scoped to a project"));
	}

	@Test
	void aKeystoneWhoseConnectionBreaksGaveNoAnswerNotARefusal() {
		openstack.stubFor(get(urlEqualTo("/identity/v3/auth/tokens"))
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.tokens.validate(CALLER_TOKEN, REQUEST_ID))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.TIMEOUT))
			.satisfies(
					(ex) -> assertThat(ex.getMessage()).isEqualTo("Keystone closed the connection before answering"));
	}

	@Test
	void aPasswordLoginIssuesAProjectToken() {
		this.stubs.keystoneIssuesTokens(Duration.ofHours(1));

		IssuedToken token = this.tokens.issue(new PasswordCredentials("demo", "s3cret-pw", "demo", "Default"));

		assertThat(token.token()).isEqualTo(OpenStackStubs.TOKEN);
		assertThat(token.userName()).isEqualTo("demo");
		assertThat(token.projectName()).isEqualTo("demo");
		assertThat(token.toString()).doesNotContain(OpenStackStubs.TOKEN);
		openstack.verify(
				postRequestedFor(urlEqualTo("/identity/v3/auth/tokens")).withRequestBody(containing("\"s3cret-pw\""))
					.withRequestBody(containing("\"demo\"")));
	}

	@Test
	void wrongCredentialsAreUnauthorizedWithoutThePassword() {
		openstack.stubFor(post(urlEqualTo("/identity/v3/auth/tokens")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(
					"{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", \"message\": \"The request you have made requires authentication.\"}}")));
		PasswordCredentials credentials = new PasswordCredentials("demo", "s3cret-pw", "demo", "Default");

		assertThatExceptionOfType(CloudException.class).isThrownBy(() -> this.tokens.issue(credentials))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAUTHORIZED))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("s3cret-pw"));
		assertThat(credentials.toString()).doesNotContain("s3cret-pw");
	}

}
