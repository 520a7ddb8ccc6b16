package io.stackgate.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/cloud-init.yaml rendered by deploy/render-cloud-init, checked by Debian's
 * cloud-init schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudInitIT {

	private static final String SHA = "ab".repeat(32);

	private Path fixture;

	@BeforeAll
	void fixture() throws Exception {
		Needs.tool("cloud-init");
		fixture = Path.of(getClass().getResource("/clouds-fixture.yaml").toURI());
	}

	@Test
	void renderedTemplateIsValidCloudConfigWithEveryValueInPlace(@TempDir Path tmp) throws IOException {
		Path out = tmp.resolve("user-data.yaml");
		render("--deb-url", "https://repo.example.org/stackgate_0.1.0_all.deb", "--deb-sha256", SHA, "--clouds-yaml",
				fixture.toString(), "--os-cloud", "prod", "--listen-port", "8443", "--env", "JAVA_OPTS=-Xmx512m", "-o",
				out.toString())
			.ok();
		String text = Files.readString(out);
		assertThat(text).startsWith("#cloud-config\n").doesNotContainPattern("\\$\\{[A-Z0-9_]+\\}");
		assertThat(Sh.run("stat", "-c", "%a", out.toString()).ok().out().trim()).as("secrets inside").isEqualTo("600");

		Sh.Result schema = Sh.run("cloud-init", "schema", "--config-file", out.toString());
		assertThat(schema.exit()).as(schema.describe()).isZero();
		assertThat(schema.out()).contains("Valid cloud-config");

		Map<String, Object> doc = new Yaml().load(text);
		Map<String, Map<String, Object>> files = new java.util.HashMap<>();
		for (Object f : (List<?>) doc.get("write_files")) {
			@SuppressWarnings("unchecked")
			Map<String, Object> file = (Map<String, Object>) f;
			files.put((String) file.get("path"), file);
		}
		Map<String, Object> clouds = files.get("/etc/stackgate/clouds.yaml");
		assertThat(clouds.get("permissions")).isEqualTo("0640");
		Object written = new Yaml().load((String) clouds.get("content"));
		assertThat(written).as("clouds.yaml arrives unchanged").isEqualTo(new Yaml().load(Files.readString(fixture)));

		String env = (String) files.get("/etc/default/stackgate").get("content");
		Map<String, String> parsed = SystemdUnit.environmentFile(write(tmp.resolve("env"), env));
		assertThat(parsed).containsEntry("OS_CLOUD", "prod")
			.containsEntry("STACKGATE_LISTEN_PORT", "8443")
			.containsEntry("STACKGATE_LISTEN_ADDRESS", "0.0.0.0")
			.containsEntry("STACKGATE_AUTH_MODE", "keystone")
			.containsEntry("STACKGATE_LISTEN_ADDRESS", "0.0.0.0")
			.containsEntry("JAVA_OPTS", "-Xmx512m");

		String bootstrap = (String) files.get("/usr/local/sbin/stackgate-bootstrap").get("content");
		assertThat(bootstrap).contains("https://repo.example.org/stackgate_0.1.0_all.deb", SHA,
				"http://127.0.0.1:8443/actuator/health/readiness", "systemctl enable --now stackgate.service",
				"--force-confold");
		Sh.run("sh", "-n", write(tmp.resolve("bootstrap"), bootstrap).toString()).ok();
		assertThat(doc.get("runcmd").toString()).contains("/usr/local/sbin/stackgate-bootstrap");
	}

	@Test
	void schemaCheckRejectsABrokenConfig(@TempDir Path tmp) throws IOException {
		Path out = tmp.resolve("user-data.yaml");
		render("--deb-url", "https://repo.example.org/s.deb", "--deb-sha256", SHA, "--clouds-yaml", fixture.toString(),
				"--os-cloud", "prod", "-o", out.toString())
			.ok();
		// the validator must be able to fail: an unquoted octal mode is a schema error
		Path broken = write(tmp.resolve("broken.yaml"),
				Files.readString(out).replace("permissions: '0640'", "permissions: 0640"));
		assertThat(Sh.run("cloud-init", "schema", "--config-file", broken.toString()).exit()).isNotZero();
	}

	@Test
	void rendererRefusesMissingOrUnsafeValues() {
		String deb = "https://repo.example.org/s.deb";
		String clouds = fixture.toString();
		assertThat(render("--deb-url", deb, "--deb-sha256", SHA, "--os-cloud", "prod").exit()).isNotZero();
		assertThat(
				render("--deb-url", deb, "--deb-sha256", "abc", "--clouds-yaml", clouds, "--os-cloud", "prod").exit())
			.isEqualTo(2);
		assertThat(render("--deb-url", "https://x/a'b.deb", "--deb-sha256", SHA, "--clouds-yaml", clouds, "--os-cloud",
				"prod")
			.exit()).isEqualTo(2);
		assertThat(render("--deb-url", "file:///etc/passwd", "--deb-sha256", SHA, "--clouds-yaml", clouds, "--os-cloud",
				"prod")
			.exit()).isEqualTo(2);
		assertThat(render("--deb-url", deb, "--deb-sha256", SHA, "--clouds-yaml", clouds, "--os-cloud", "prod", "--env",
				"NOT AN ASSIGNMENT")
			.exit()).isEqualTo(2);
	}

	private static Sh.Result render(String... args) {
		List<String> command = new ArrayList<>();
		command.add(Dist.repo().resolve("deploy/render-cloud-init").toString());
		command.addAll(List.of(args));
		return Sh.run(command.toArray(String[]::new));
	}

	private static Path write(Path file, String text) throws IOException {
		return Files.writeString(file, text);
	}

}
