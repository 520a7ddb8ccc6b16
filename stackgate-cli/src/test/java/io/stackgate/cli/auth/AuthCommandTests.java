package io.stackgate.cli.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.stackgate.cli.support.CliRun;
import io.stackgate.cli.support.CliRun.Result;
import io.stackgate.cli.support.CliRun.ScriptedPrompter;
import io.stackgate.cli.support.StubGateway;
import io.stackgate.cli.support.StubGateway.Response;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AuthCommandTests {

	private static final String TOKEN = """
			{"token":"gAAAAB-secret","expires_at":"2025-06-01T11:00:00Z","user":"demo","project":"demo"}""";

	private StubGateway gateway;

	private Path configDir;

	@BeforeEach
	void setUp(@TempDir Path dir) throws Exception {
		this.gateway = new StubGateway().on("POST", "/api/v1/auth/tokens", Response.json(201, TOKEN))
			.on("GET", "/api/v1/flavors", Response.json(200, "[]"));
		this.configDir = dir.resolve("home/.config/stackgate");
	}

	@AfterEach
	void tearDown() {
		this.gateway.close();
	}

	private CliRun cli() {
		return new CliRun(this.configDir);
	}

	@Test
	void loginWithPasswordOnStdinStoresTheTokenPrivately() throws Exception {
		Result result = cli().stdin("s3cret\n")
			.run("--url", this.gateway.url(), "login", "-u", "demo", "-p", "demo", "-d", "Default", "--password-stdin");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo("Logged in to " + this.gateway.url()
				+ " as demo (project demo); the token expires at 2025-06-01T11:00:00Z.\n");
		Map<?, ?> request = JsonMapper.builder().build().readValue(this.gateway.lastRequest().body(), Map.class);
		assertThat(request)
			.isEqualTo(Map.of("username", "demo", "password", "s3cret", "project", "demo", "domain", "Default"));
		assertThat(this.gateway.lastRequest().header("X-Auth-Token")).isNull();
		Path file = this.configDir.resolve("token.json");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.configDir))).isEqualTo("rwx------");
		assertThat(Files.readString(file)).contains("\"token\": \"gAAAAB-secret\"")
			.contains("\"expires_at\": \"2025-06-01T11:00:00Z\"")
			.contains("\"url\": \"" + this.gateway.url() + "\"")
			.doesNotContain("s3cret");
		try (var files = Files.list(this.configDir)) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void laterCommandsUseTheStoredTokenAndUrl() {
		cli().stdin("s3cret\n")
			.run("--url", this.gateway.url(), "login", "-u", "demo", "-p", "demo", "--password-stdin");
		Result result = cli().run("flavor", "list");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(this.gateway.lastRequest().header("X-Auth-Token")).isEqualTo("gAAAAB-secret");
	}

	@Test
	void theStoredTokenIsNeverSentToAnotherGateway() throws Exception {
		cli().stdin("s3cret\n")
			.run("--url", this.gateway.url(), "login", "-u", "demo", "-p", "demo", "--password-stdin");
		try (StubGateway other = new StubGateway().on("GET", "/api/v1/flavors", Response.json(200, "[]"))) {
			Result result = cli().env("STACKGATE_URL", other.url()).run("flavor", "list");
			assertThat(result.exitCode()).isZero();
			assertThat(other.lastRequest().header("X-Auth-Token")).isNull();
		}
	}

	@Test
	void explicitTokenBeatsTheEnvironmentWhichBeatsTheLogin() {
		cli().stdin("s3cret\n")
			.run("--url", this.gateway.url(), "login", "-u", "demo", "-p", "demo", "--password-stdin");
		cli().env("STACKGATE_TOKEN", "from-env").run("flavor", "list", "--token", "from-flag");
		assertThat(this.gateway.lastRequest().header("X-Auth-Token")).isEqualTo("from-flag");
		cli().env("STACKGATE_TOKEN", "from-env").env("STACKGATE_API_KEY", "key").run("flavor", "list");
		assertThat(this.gateway.lastRequest().header("X-Auth-Token")).isEqualTo("from-env");
		cli().env("STACKGATE_API_KEY", "key").run("flavor", "list");
		assertThat(this.gateway.lastRequest().header("X-API-Key")).isEqualTo("key");
		assertThat(this.gateway.lastRequest().header("X-Auth-Token")).isNull();
	}

	@Test
	void expiredLoginIsAnAuthErrorWithoutARequest() {
		cli().stdin("s3cret\n")
			.run("--url", this.gateway.url(), "login", "-u", "demo", "-p", "demo", "--password-stdin");
		int before = this.gateway.requests().size();
		Result result = cli().now(Instant.parse("2025-06-01T12:00:00Z")).run("flavor", "list");
		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.err()).isEqualTo("stackgate: Your login to " + this.gateway.url()
				+ " as demo expired at 2025-06-01T11:00:00Z. Run 'stackgate login' again.\n");
		assertThat(this.gateway.requests()).hasSize(before);
	}

	@Test
	void promptsOnATerminalForWhatIsMissing() {
		List<String> answers = new ArrayList<>(List.of("demo", "demo", ""));
		Result result = cli().prompter(new ScriptedPrompter(true, answers, "s3cret"))
			.run("--url", this.gateway.url(), "login");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(this.gateway.lastRequest().body()).contains("\"domain\":\"Default\"")
			.contains("\"password\":\"s3cret\"");
	}

	@Test
	void takesDefaultsFromOsVariables() {
		Result result = cli().env("OS_USERNAME", "alice")
			.env("OS_PROJECT_NAME", "research")
			.env("OS_USER_DOMAIN_NAME", "Corp")
			.stdin("pw\n")
			.run("--url", this.gateway.url(), "login", "--password-stdin");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(this.gateway.lastRequest().body()).contains("\"username\":\"alice\"")
			.contains("\"project\":\"research\"")
			.contains("\"domain\":\"Corp\"");
	}

	@Test
	void withoutATerminalThePasswordMustComeFromStdin() {
		Result result = cli().run("--url", this.gateway.url(), "login", "-u", "demo", "-p", "demo");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).startsWith(
				"stackgate: There is no terminal to ask for the password on: pipe it in with --password-stdin\n");
		assertThat(this.gateway.requests()).isEmpty();
	}

	@Test
	void thePasswordIsNotAnOption() {
		Result result = cli().run("--url", this.gateway.url(), "login", "-u", "demo", "--password", "x");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Unknown options: '--password', 'x'");
	}

	@Test
	void wrongPasswordIsAnAuthError() throws Exception {
		try (StubGateway denying = new StubGateway().on("POST", "/api/v1/auth/tokens",
				Response.problem(401, "Unauthorized", "The credentials are not valid."))) {
			Result result = cli().stdin("bad\n")
				.run("--url", denying.url(), "login", "-u", "demo", "-p", "demo", "--password-stdin");
			assertThat(result.exitCode()).isEqualTo(3);
			assertThat(result.err()).startsWith("stackgate: Unauthorized: The credentials are not valid.\n");
			assertThat(this.configDir.resolve("token.json")).doesNotExist();
		}
	}

	@Test
	void logoutForgetsTheLogin() {
		cli().stdin("s3cret\n")
			.run("--url", this.gateway.url(), "login", "-u", "demo", "-p", "demo", "--password-stdin");
		Result result = cli().run("logout");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).startsWith("Logged out: removed ");
		assertThat(this.configDir.resolve("token.json")).doesNotExist();
		assertThat(cli().run("logout").out()).isEqualTo("Not logged in.\n");
	}

}
