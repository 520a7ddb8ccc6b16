package io.stackgate.dist;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import io.stackgate.itsupport.LaunchTarget;
import io.stackgate.itsupport.Readiness;
import io.stackgate.itsupport.RealCloud;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OCI image Jib built without a daemon: its configuration, a run with podman (runc,
 * host network) against the cloud of OS_CLOUD configured only by env, a mounted
 * clouds.yaml and a mounted config file, against a remote cloud with its CA mounted, and
 * the plain Dockerfile built with podman giving the same layout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerImageIT {

	/**
	 * podman's defaults fail here (crun: cgroups hybrid mode); these work on this machine
	 * and in CI.
	 */
	static final List<String> RUN = List.of("podman", "run", "--runtime", "runc", "--ulimit", "nofile=4096:4096",
			"--ulimit", "nproc=4096:4096");

	/**
	 * The health check for the image's users (docs/deploy.md); the Dockerfile's
	 * HEALTHCHECK runs the same.
	 */
	static final String HEALTH_CMD = "curl -fsS -o /dev/null "
			+ "\"http://127.0.0.1:${STACKGATE_LISTEN_PORT:-8080}/actuator/health/readiness\" || exit 1";

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private final List<String> containers = new ArrayList<>();

	private final List<String> images = new ArrayList<>();

	@BeforeAll
	void loadTheImage() {
		Needs.tool("podman");
		assertThat(Dist.imageTar()).as("built by jib:buildTar in the it profile").isRegularFile();
		String previous = Sh.run("podman", "image", "inspect", "--format", "{{.Id}}", Dist.imageName()).out().trim();
		String loaded = Sh.run("podman", "load", "-q", "-i", Dist.imageTar().toString()).ok().out();
		assertThat(loaded).contains(Dist.imageName());
		String current = Sh.run("podman", "image", "inspect", "--format", "{{.Id}}", Dist.imageName()).out().trim();
		if (!previous.isEmpty() && !previous.equals(current)) {
			Sh.run("podman", "rmi", previous); // the last run's image, untagged now; kept
												// if still in use
		}
	}

	@AfterAll
	void removeContainers() {
		containers.forEach((c) -> Sh.run("podman", "rm", "-f", "-t", "5", c));
		images.forEach((i) -> Sh.run("podman", "rmi", "-f", i));
	}

	@Test
	void configurationNonRootPortEntrypointAndGitRevisionLabel() {
		JsonNode config = inspect(Dist.imageName()).path("Config");
		assertThat(config.path("User").asString()).isEqualTo("10001:10001");
		assertThat(config.path("WorkingDir").asString()).isEqualTo("/var/lib/stackgate");
		assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();
		assertThat(strings(config.path("Entrypoint"))).containsExactly("/usr/bin/java", "-jar",
				"/usr/share/stackgate/stackgate-server.jar");
		assertThat(strings(config.path("Env"))).contains("STACKGATE_CONFIG=/etc/stackgate/stackgate.yaml",
				"STACKGATE_LISTEN_ADDRESS=0.0.0.0",
				"JAVA_TOOL_OPTIONS=-XX:+ExitOnOutOfMemoryError -XX:MaxRAMPercentage=75");
		String head = Sh.run("git", "-C", Dist.repo().toString(), "rev-parse", "HEAD").ok().out().trim();
		JsonNode labels = config.path("Labels");
		assertThat(labels.path("org.opencontainers.image.revision").asString()).isEqualTo(head)
			.isEqualTo(Dist.revision());
		assertThat(labels.path("org.opencontainers.image.version").asString()).isEqualTo(Dist.version());
	}

	@Test
	void runsAgainstTheCloudConfiguredByEnvMountedCloudsYamlAndConfigFile(@TempDir Path tmp) throws Exception {
		Cloud c = Needs.cloud();
		int port = Dist.freePort();
		// the port and the cloud's name come from env, the cloud from the mounted
		// clouds.yaml, and the
		// mounted config file turns on health details (seen in the readiness answer)
		Path config = tmp.resolve("stackgate.yaml");
		Files.writeString(config, "management:\n  endpoint:\n    health:\n      show-details: always\n");
		Path clouds = tmp.resolve("clouds.yaml");
		Files.copy(c.cloudsYaml(), clouds);
		// readable for uid 10001 in the container, as the docs say
		clouds.toFile().setReadable(true, false);
		config.toFile().setReadable(true, false);
		tmp.toFile().setExecutable(true, false);

		String name = "stackgate-it-" + suffix;
		List<String> run = new ArrayList<>(RUN);
		run.addAll(List.of("-d", "--name", name, "--network", "host", "--read-only", "--tmpfs", "/tmp", "-v",
				clouds + ":/etc/openstack/clouds.yaml:ro", "-v", config + ":/etc/stackgate/stackgate.yaml:ro", "-e",
				"OS_CLOUD=" + c.name(), "-e", "STACKGATE_LISTEN_ADDRESS=127.0.0.1", "-e",
				"STACKGATE_LISTEN_PORT=" + port, "--health-cmd", HEALTH_CMD, Dist.imageName()));
		containers.add(name);
		Sh.run(run, Map.of(), Duration.ofMinutes(2)).ok();

		Gateway gateway = new Gateway(port);
		Readiness.await(gateway.base(), Duration.ofMinutes(3), () -> running(name), () -> logs(name));
		assertThat(Sh.run("podman", "exec", name, "id", "-u").ok().out().trim()).isEqualTo("10001");
		Sh.Result health = Sh.run("podman", "exec", name, "sh", "-c", HEALTH_CMD);
		assertThat(health.exit()).as(health.describe()).isZero();
		assertThat(gateway.readiness().path("components").has("keystone"))
			.as("the mounted /etc/stackgate/stackgate.yaml was read")
			.isTrue();
		RealCloud cloud = c.login();
		assertThat(gateway.flavorNames(cloud.token())).contains(LaunchTarget.discover(cloud).flavor().name());
	}

	@Test
	void runsAgainstARemoteCloudWithItsCaMountedAndGivenAsOsCacert(@TempDir Path tmp) throws Exception {
		Cloud c = Needs.cloud();
		RemoteFront front = RemoteFront.of(c);
		int port = Dist.freePort();
		Path ca = tmp.resolve("cloud-ca.pem");
		Files.copy(front.ca(), ca);
		ca.toFile().setReadable(true, false);
		tmp.toFile().setExecutable(true, false);

		String name = "stackgate-it-remote-" + suffix;
		List<String> run = new ArrayList<>(RUN);
		run.addAll(List.of("-d", "--name", name, "--network", "host", "--read-only", "--tmpfs", "/tmp", "-v",
				ca + ":/etc/stackgate/cloud-ca.pem:ro", "-e", "OS_CACERT=/etc/stackgate/cloud-ca.pem", "-e",
				"STACKGATE_LISTEN_ADDRESS=127.0.0.1", "-e", "STACKGATE_LISTEN_PORT=" + port));
		// -e NAME takes the value from podman's environment: the password stays off its
		// command line (and out of a failure's message).
		front.osVariables().keySet().forEach((variable) -> run.addAll(List.of("-e", variable)));
		run.add(Dist.imageName());
		containers.add(name);
		Sh.run(run, front.osVariables(), Duration.ofMinutes(2)).ok();

		Gateway gateway = new Gateway(port);
		Readiness.await(gateway.base(), Duration.ofMinutes(3), () -> running(name), () -> logs(name));
		assertThat(gateway.flavorNames(c.login().token())).isNotEmpty();
	}

	@Test
	void dockerfileBuildsTheSameLayoutAsJib() {
		Needs.need(Files.isRegularFile(Dist.baseImageTar()), "no base image tarball at " + Dist.baseImageTar());
		assertThat(Dist.repo().resolve("stackgate-server/target/stackgate-server.jar")).isRegularFile();
		// the Debian base of the Jib image stands in for docker.io's debian:bookworm-slim
		// (no registry here);
		// the Dockerfile's RUN still installs from Debian's archive
		String base = Sh.run("podman", "load", "-q", "-i", Dist.baseImageTar().toString()).ok().out();
		String baseName = base.substring(base.indexOf(':') + 1).trim();
		String tag = "localhost/stackgate-dockerfile-it:" + suffix;
		images.add(tag);
		Path image = Dist.repo().resolve("deploy/image");
		Sh.run(List.of("podman", "build", "--runtime", "runc", "--network", "host", "--pull=never", "--format",
				"docker", "-f", image.resolve("Dockerfile").toString(), "--ignorefile",
				image.resolve("Dockerfile.dockerignore").toString(), "--build-arg", "BASE_IMAGE=" + baseName,
				"--build-arg", "VERSION=" + Dist.version(), "--build-arg", "REVISION=" + Dist.revision(), "-t", tag,
				Dist.repo().toString()), Map.of(), Duration.ofMinutes(15))
			.ok();

		JsonNode jib = inspect(Dist.imageName()).path("Config");
		JsonNode docker = inspect(tag).path("Config");
		for (String key : List.of("User", "WorkingDir", "Entrypoint", "ExposedPorts")) {
			assertThat(docker.path(key)).as(key).isEqualTo(jib.path(key));
		}
		assertThat(labels(docker)).as("labels (but buildah's own)").isEqualTo(labels(jib));
		assertThat(strings(docker.path("Env"))).containsExactlyInAnyOrderElementsOf(strings(jib.path("Env")));
		// podman shows a Docker-format image's HEALTHCHECK at the top level; it runs the
		// documented command
		assertThat(inspect(tag).path("Healthcheck").path("Test").get(1).asString()).isEqualTo(HEALTH_CMD);

		String layout = "for p in /usr/share/stackgate /usr/share/stackgate/stackgate-server.jar /etc/stackgate "
				+ "/etc/stackgate/stackgate.yaml /etc/openstack /var/lib/stackgate; do stat -c '%n %U:%G %a' $p; done;"
				+ " md5sum /usr/share/stackgate/stackgate-server.jar /etc/stackgate/stackgate.yaml;"
				+ " getent passwd stackgate; readlink -f /usr/bin/java; java -version 2>&1 | head -1;"
				+ " command -v curl";
		assertThat(layout(tag, layout)).isEqualTo(layout(Dist.imageName(), layout));
	}

	private String layout(String image, String script) {
		List<String> run = new ArrayList<>(RUN);
		run.addAll(List.of("--rm", "--network", "none", "--entrypoint", "sh", "-e", "JAVA_TOOL_OPTIONS=", image, "-c",
				script));
		return Sh.run(run, Map.of(), Duration.ofMinutes(2)).ok().out();
	}

	private static JsonNode inspect(String image) {
		return Cloud.JSON.readTree(Sh.run("podman", "image", "inspect", image).ok().out()).get(0);
	}

	private static Map<String, String> labels(JsonNode config) {
		Map<String, String> labels = new java.util.TreeMap<>();
		config.path("Labels").properties().forEach((e) -> labels.put(e.getKey(), e.getValue().asString()));
		labels.keySet().removeIf((k) -> k.startsWith("io.buildah."));
		return labels;
	}

	private static boolean running(String name) {
		return Sh.run("podman", "inspect", "-f", "{{.State.Running}}", name).out().trim().equals("true");
	}

	private static String logs(String name) {
		Sh.Result r = Sh.run("sh", "-c", "podman logs --tail 60 " + name + " 2>&1");
		return "--- podman logs " + name + "\n" + r.out();
	}

	private static List<String> strings(JsonNode array) {
		List<String> list = new ArrayList<>();
		array.forEach((n) -> list.add(n.asString()));
		return list;
	}

}
