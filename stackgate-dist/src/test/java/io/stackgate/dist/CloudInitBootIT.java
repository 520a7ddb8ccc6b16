package io.stackgate.dist;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.stackgate.itsupport.LaunchTarget;
import io.stackgate.itsupport.RealCloud;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/cloud-init.yaml doing its job on a fresh Debian 12 booted with systemd as PID 1
 * and cloud-init (a privileged podman container stands in for the VM; user data through
 * the NoCloud datasource): the package comes from an HTTP URL, stackgate.service runs
 * under a real systemd with its whole sandbox, is ready and lists the cloud's flavors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CloudInitBootIT {

	private final String name = "stackgate-boot-it-" + UUID.randomUUID().toString().substring(0, 8);

	private HttpServer http;

	@AfterAll
	void cleanUp() {
		Sh.run("podman", "rm", "-f", "-t", "10", name);
		if (http != null) {
			http.stop(0);
		}
	}

	@Test
	void freshDebianBootsIntoARunningHardenedStackgate(@TempDir Path tmp) throws Exception {
		Cloud c = Needs.cloud();
		Needs.tool("podman");
		Needs.root();
		Needs.need(Files.isRegularFile(Dist.baseImageTar()), "no base image tarball at " + Dist.baseImageTar());

		// the "VM": the image's Debian base plus systemd and cloud-init (podman caches
		// the layer)
		String base = Sh.run("podman", "load", "-q", "-i", Dist.baseImageTar().toString()).ok().out();
		Path containerfile = Path.of(getClass().getResource("/boot/Containerfile").toURI());
		String vmImage = "localhost/stackgate-boot-it:latest";
		Sh.run(List.of("podman", "build", "-q", "--runtime", "runc", "--network", "host", "--pull=never", "--build-arg",
				"BASE_IMAGE=" + base.substring(base.indexOf(':') + 1).trim(), "-t", vmImage, "-f",
				containerfile.toString(), containerfile.getParent().toString()), Map.of(), Duration.ofMinutes(10))
			.ok();

		// the package on a web server, the user data rendered for it
		Path deb = Dist.deb();
		http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		http.createContext("/" + deb.getFileName(), (exchange) -> {
			exchange.sendResponseHeaders(200, Files.size(deb));
			try (OutputStream out = exchange.getResponseBody()) {
				Files.copy(deb, out);
			}
		});
		http.start();
		String sha256 = Sh.run("sha256sum", deb.toString()).ok().out().substring(0, 64);
		int port = Dist.freePort();
		Path userData = tmp.resolve("user-data");
		Sh.run(Dist.repo().resolve("deploy/render-cloud-init").toString(), "--deb-url",
				"http://127.0.0.1:" + http.getAddress().getPort() + "/" + deb.getFileName(), "--deb-sha256", sha256,
				"--clouds-yaml", c.cloudsYaml().toString(), "--os-cloud", c.name(), "--listen-address", "127.0.0.1",
				"--listen-port", String.valueOf(port), "-o", userData.toString())
			.ok();
		Path metaData = Files.writeString(tmp.resolve("meta-data"), "instance-id: " + name + "\nlocal-hostname: gw1\n");

		// boot it: systemd as PID 1 (privileged: the unit's sandbox needs mount
		// namespaces), host network
		List<String> create = new ArrayList<>(
				List.of("podman", "create", "--name", name, "--privileged", "--systemd=always", "--runtime", "runc",
						"--network", "host", "--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096", vmImage));
		Sh.run(create, Map.of(), Duration.ofMinutes(2)).ok();
		Sh.run("podman", "cp", userData.toString(), name + ":/var/lib/cloud/seed/nocloud/user-data").ok();
		Sh.run("podman", "cp", metaData.toString(), name + ":/var/lib/cloud/seed/nocloud/meta-data").ok();
		Sh.run("podman", "start", name).ok();
		awaitSystemd();

		Sh.Result status = Sh.run(List.of("podman", "exec", name, "cloud-init", "status", "--wait", "--long"), Map.of(),
				Duration.ofMinutes(10));
		String output = exec("tail", "-n", "40", "/var/log/cloud-init-output.log").out();
		assertThat(status.exit()).as("cloud-init status\n%s\n%s", status.describe(), output).isZero();
		assertThat(status.out()).contains("status: done");
		assertThat(output).contains("stackgate-bootstrap: stackgate is ready on port " + port);

		// the unit as systemd runs it
		assertThat(exec("systemctl", "is-enabled", "stackgate").out().trim()).isEqualTo("enabled");
		Map<String, String> show = properties(exec("systemctl", "show", "stackgate", "-p", "ActiveState", "-p", "User",
				"-p", "NoNewPrivileges", "-p", "ProtectSystem", "-p", "ProtectHome", "-p", "PrivateTmp", "-p",
				"StateDirectory", "-p", "MainPID")
			.out());
		assertThat(show).containsEntry("ActiveState", "active")
			.containsEntry("User", "stackgate")
			.containsEntry("NoNewPrivileges", "yes")
			.containsEntry("ProtectSystem", "strict")
			.containsEntry("ProtectHome", "yes")
			.containsEntry("PrivateTmp", "yes")
			.containsEntry("StateDirectory", "stackgate");
		Map<String, String> proc = properties(
				exec("cat", "/proc/" + show.get("MainPID") + "/status").out().replace(":\t", "="));
		assertThat(proc).containsEntry("NoNewPrivs", "1")
			.as("seccomp filter mode")
			.containsEntry("Seccomp", "2")
			.containsEntry("CapEff", "0000000000000000");
		assertThat(exec("stat", "-c", "%U:%G %a", "/etc/stackgate/clouds.yaml").out().trim())
			.isEqualTo("root:stackgate 640");

		// and it works, through all of that
		Gateway gateway = new Gateway(port);
		assertThat(gateway.readiness().path("status").asString()).isEqualTo("UP");
		RealCloud cloud = c.login();
		assertThat(gateway.flavorNames(cloud.token())).contains(LaunchTarget.discover(cloud).flavor().name());

		// a stop is a clean one for systemd (exit 143 is declared a success)
		exec("systemctl", "stop", "stackgate");
		Map<String, String> stopped = properties(
				exec("systemctl", "show", "stackgate", "-p", "ActiveState", "-p", "Result").out());
		assertThat(stopped).containsEntry("ActiveState", "inactive").containsEntry("Result", "success");
	}

	private void awaitSystemd() {
		for (int i = 0; i < 60; i++) {
			String state = Sh.run("podman", "exec", name, "systemctl", "is-system-running").out().trim();
			if (!state.isEmpty() && !"starting".equals(state) && !state.startsWith("Failed")) {
				return;
			}
			Gateway.sleep(Duration.ofSeconds(1));
		}
		throw new AssertionError("systemd did not come up in " + name);
	}

	private Sh.Result exec(String... command) {
		List<String> argv = new ArrayList<>(List.of("podman", "exec", name));
		argv.addAll(List.of(command));
		return Sh.run(argv, Map.of(), Duration.ofMinutes(2)).ok();
	}

	private static Map<String, String> properties(String text) {
		Map<String, String> map = new HashMap<>();
		text.lines().filter((l) -> l.contains("=")).forEach((l) -> {
			int eq = l.indexOf('=');
			map.put(l.substring(0, eq).trim(), l.substring(eq + 1).trim());
		});
		return map;
	}

}
