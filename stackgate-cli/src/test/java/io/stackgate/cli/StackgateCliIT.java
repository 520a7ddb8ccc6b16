package io.stackgate.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.stackgate.cli.command.CliContext;
import io.stackgate.cli.command.Prompter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.stackgate.itsupport.CloudEnvironment;
import io.stackgate.itsupport.GatewayProcess;
import io.stackgate.itsupport.LaunchTarget;
import io.stackgate.itsupport.RealCloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The CLI against a real gateway on a real cloud: starts {@code stackgate-server.jar} on
 * a free port (with this process's environment, so
 * {@code OS_CLOUD}/{@code OS_CLIENT_CONFIG_FILE} from {@code eval "$(devcloud/env)"}),
 * then logs in as the cloud's user and lists, creates (with --wait, from what
 * {@link LaunchTarget} found), shows and deletes (with --wait) a server. Never skipped:
 * without a cloud it fails and says how to get one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackgateCliIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static GatewayProcess gateway;

	private static String url;

	private static Path configDir;

	private static final String NAME = "sgcli-it-" + UUID.randomUUID().toString().substring(0, 8);

	private static RealCloud cloud;

	private static LaunchTarget target;

	@BeforeAll
	static void startGateway() throws Exception {
		if (!CloudEnvironment.configured()) {
			fail(CloudEnvironment.howToConfigure("StackgateCliIT"));
		}
		cloud = RealCloud.fromEnvironment();
		target = LaunchTarget.discover(cloud);
		configDir = Files.createTempDirectory("stackgate-cli-it");
		gateway = GatewayProcess.start(Path.of("target", "stackgate-server-it.log"),
				"--management.endpoint.health.probes.enabled=true");
		url = gateway.baseUrl();
		gateway.awaitReady();
	}

	@AfterAll
	static void stopGateway() throws Exception {
		if (gateway != null) {
			gateway.close();
		}
	}

	@Test
	@Order(1)
	void logsInAsTheCloudsUser() throws IOException {
		Run login = cli(cloud.password() + "\n", "--url", url, "login", "-u", cloud.username(), "-p",
				cloud.projectName(), "-d", cloud.userDomainName(), "--password-stdin");
		assertThat(login.exitCode()).as(login.toString()).isZero();
		assertThat(login.out())
			.startsWith("Logged in to " + url + " as " + cloud.username() + " (project " + cloud.projectName() + ")");
		assertThat(configDir.resolve("token.json")).exists();
	}

	@Test
	@Order(2)
	void listsServers() {
		Run table = cli("", "server", "list");
		assertThat(table.exitCode()).as(table.toString()).isZero();
		Run json = cli("", "server", "list", "-f", "json");
		assertThat(json.exitCode()).as(json.toString()).isZero();
		List<Map<String, Object>> servers = JSON.readValue(json.out(), new TypeReference<>() {
		});
		if (!servers.isEmpty()) {
			assertThat(servers.get(0)).containsKeys("ID", "Name", "Status", "Networks", "Image", "Flavor");
			assertThat(table.out()).contains("| ID ").contains("| Name ").contains("| Networks ");
		}
	}

	@Test
	@Order(3)
	void createsWaitsShowsAndDeletesAServer() {
		boolean deleted = false;
		try {
			Run create = cli("", "server", "create", NAME, "--flavor", target.flavor().name(), "--image",
					target.image().name(), "--network", target.network().name(), "--wait", "--timeout", "300", "-f",
					"json");
			assertThat(create.exitCode()).as(create.toString()).isZero();
			Map<String, Object> server = JSON.readValue(create.out(), new TypeReference<>() {
			});
			assertThat(server).containsEntry("name", NAME).containsEntry("status", "ACTIVE");
			assertThat((String) server.get("flavor")).startsWith(target.flavor().name() + " (");
			assertThat((String) server.get("image")).startsWith(target.image().name() + " (");
			@SuppressWarnings("unchecked")
			Map<String, List<String>> addresses = (Map<String, List<String>>) server.get("addresses");
			assertThat(addresses).containsOnlyKeys(target.network().name());
			assertThat(addresses.get(target.network().name())).allMatch(target.network()::contains);
			assertThat(create.err()).contains(": BUILD (0s)").contains("-> ACTIVE (");

			Run show = cli("", "server", "show", NAME, "-f", "value", "-c", "id", "-c", "status");
			assertThat(show.exitCode()).as(show.toString()).isZero();
			assertThat(show.out()).isEqualTo(server.get("id") + "\nACTIVE\n");

			Run listed = cli("", "server", "list", "--name", NAME, "-f", "value", "-c", "Name", "-c", "Status");
			assertThat(listed.out()).contains(NAME + " ACTIVE\n");

			Run delete = cli("", "server", "delete", NAME, "--wait", "--timeout", "300");
			assertThat(delete.exitCode()).as(delete.toString()).isZero();
			assertThat(delete.err()).contains("-> deleted (");
			deleted = true;

			Run gone = cli("", "server", "show", (String) server.get("id"));
			assertThat(gone.exitCode()).as(gone.toString()).isEqualTo(4);
		}
		finally {
			if (!deleted) {
				cli("", "server", "delete", NAME);
			}
		}
	}

	@Test
	@Order(4)
	void theLauncherRunsTheBuiltJarWithTheStoredLogin() throws Exception {
		Path launcher = Path.of("../bin/stackgate").toAbsolutePath().normalize();
		ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "flavor", "list", "-f", "value", "-c", "Name");
		builder.environment().put("STACKGATE_URL", url);
		builder.environment().put("STACKGATE_CONFIG_DIR", configDir.toString());
		builder.environment().remove("STACKGATE_TOKEN");
		builder.environment().remove("STACKGATE_API_KEY");
		builder.directory(Files.createTempDirectory("stackgate-cwd").toFile());
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(out + err).isZero();
		assertThat(out).contains(target.flavor().name() + "\n");
	}

	private static Run cli(String stdin, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		Map<String, String> env = new HashMap<>(System.getenv());
		env.keySet().removeIf((name) -> name.startsWith("STACKGATE_"));
		env.put("STACKGATE_URL", url);
		CliContext context = new CliContext(env, configDir,
				new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out),
				new PrintWriter(err), new NoTerminal(), false, Clock.systemUTC(),
				(duration) -> Thread.sleep(duration.toMillis()), Duration.ofSeconds(2));
		int exitCode = StackgateCli.run(context, args);
		return new Run(exitCode, out.toString(), err.toString());
	}

	private record Run(int exitCode, String out, String err) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- stdout\n" + this.out + "--- stderr\n" + this.err;
		}

	}

	private static final class NoTerminal implements Prompter {

		@Override
		public boolean available() {
			return false;
		}

		@Override
		public String readLine(String prompt) {
			return null;
		}

		@Override
		public char[] readPassword(String prompt) {
			return null;
		}

	}

}
