package io.stackgate.dist;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.stackgate.itsupport.LaunchTarget;
import io.stackgate.itsupport.Readiness;
import io.stackgate.itsupport.RealCloud;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Debian package, from its metadata to purge: inspect it, install it on this machine
 * with dpkg, start the service exactly as its unit's ExecStart with the unit's
 * environment and user (systemd is not PID 1 here) against the cloud of OS_CLOUD, then
 * remove and purge it. Needs root and a cloud (skipped without them, except in CI where
 * that fails). The tests run in the order of a package's life, but none depends on an
 * earlier one: each installs the package or starts the service itself when it is not
 * there, so one failure does not turn the others into skips.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebPackageIT {

	private static final Path UNIT = Path.of("/usr/lib/systemd/system/stackgate.service");

	private static final Path DEFAULTS = Path.of("/etc/default/stackgate");

	private static final Path CONFIG = Path.of("/etc/stackgate/stackgate.yaml");

	private static final Path STATE = Path.of("/var/lib/stackgate");

	private MachineLock lock;

	private Process service;

	private Path serviceLog;

	private Gateway gateway;

	@BeforeAll
	void lockTheMachine() {
		this.lock = MachineLock.acquire("deb");
	}

	@AfterAll
	void cleanUp() {
		try {
			stopService();
			if (Dist.isRoot() && Sh.run("dpkg-query", "-W", "stackgate").exit() == 0) {
				Sh.run("dpkg", "--purge", "stackgate");
			}
			Sh.run("rm", "-f", "/etc/stackgate/clouds.yaml");
			Sh.run("rmdir", "--ignore-fail-on-non-empty", "/etc/stackgate");
		}
		finally {
			this.lock.close();
		}
	}

	@Test
	@Order(1)
	void controlFieldsNameVersionAndAJava17RuntimeOfStockDebian() {
		Path deb = Dist.deb();
		assertThat(deb.getFileName().toString()).isEqualTo("stackgate_" + Dist.debianVersion() + "_all.deb");
		assertThat(field(deb, "Package")).isEqualTo("stackgate");
		assertThat(field(deb, "Version")).isEqualTo(Dist.debianVersion());
		assertThat(field(deb, "Architecture")).isEqualTo("all");
		assertThat(field(deb, "Depends")).contains("openjdk-17-jre-headless | java17-runtime-headless");
		assertThat(field(deb, "Homepage")).as("no Homepage borrowed from the Maven parent").isEmpty();
		// 0.1.0~snapshot sorts before 0.1.0, so the release upgrades the snapshot
		Sh.run("dpkg", "--compare-versions", Dist.debianVersion(), "lt", Dist.version().replace("-SNAPSHOT", "")).ok();
		// the first alternative of Depends is in Debian 12's archive
		assertThat(Sh.run("apt-cache", "policy", "openjdk-17-jre-headless").ok().out()).doesNotContain("(none)")
			.contains("Candidate:");
	}

	@Test
	@Order(2)
	void filesOwnersModesAndConffiles(@TempDir Path tmp) throws IOException {
		Path deb = Dist.deb();
		Map<String, String> files = new LinkedHashMap<>();
		for (String line : Sh.run("dpkg-deb", "-c", deb.toString()).ok().out().split("\n")) {
			String[] f = line.trim().split("\\s+");
			files.put(f[f.length - 1].replaceFirst("^\\./", "/"), f[0] + " " + f[1]);
		}
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("/usr/share/stackgate/stackgate-server.jar", "-rw-r--r-- root/root");
		expected.put("/usr/lib/systemd/system/stackgate.service", "-rw-r--r-- root/root");
		expected.put("/etc/stackgate/stackgate.yaml", "-rw-r--r-- root/root");
		expected.put("/etc/default/stackgate", "-rw-r--r-- root/root");
		expected.put("/usr/share/doc/stackgate/examples/clouds.yaml", "-rw-r--r-- root/root");
		expected.put("/usr/share/doc/stackgate/examples/cloud-init.yaml", "-rw-r--r-- root/root");
		expected.put("/usr/share/doc/stackgate/deploy.md", "-rw-r--r-- root/root");
		if (Dist.hasCli()) {
			expected.put("/usr/share/stackgate/stackgate-cli.jar", "-rw-r--r-- root/root");
			expected.put("/usr/bin/stackgate", "-rwxr-xr-x root/root");
		}
		files.entrySet().removeIf((e) -> e.getKey().endsWith("/"));
		assertThat(files).containsExactlyInAnyOrderEntriesOf(expected);

		Path control = tmp.resolve("control");
		Sh.run("dpkg-deb", "-e", deb.toString(), control.toString()).ok();
		assertThat(Files.readAllLines(control.resolve("conffiles")))
			.containsExactlyInAnyOrder("/etc/stackgate/stackgate.yaml", "/etc/default/stackgate");
		for (String script : List.of("postinst", "prerm", "postrm")) {
			assertThat(control.resolve(script)).isExecutable();
			Sh.run("sh", "-n", control.resolve(script).toString()).ok();
		}
	}

	@Test
	@Order(3)
	void unitIsHardenedAndSystemdAnalyzeVerifySaysNothing(@TempDir Path tmp) {
		Sh.run("dpkg-deb", "-x", Dist.deb().toString(), tmp.toString()).ok();
		Path unitFile = tmp.resolve("usr/lib/systemd/system/stackgate.service");
		assertVerifiesSilently(unitFile);

		SystemdUnit unit = SystemdUnit.read(unitFile);
		assertThat(unit.get("User")).isEqualTo("stackgate");
		assertThat(unit.get("NoNewPrivileges")).isEqualTo("yes");
		assertThat(unit.get("ProtectSystem")).isEqualTo("strict");
		assertThat(unit.get("ProtectHome")).isEqualTo("yes");
		assertThat(unit.get("PrivateTmp")).isEqualTo("yes");
		assertThat(unit.get("StateDirectory")).isEqualTo("stackgate");
		assertThat(unit.all("ReadWritePaths")).as("StateDirectory is the only writable place").isEmpty();
		assertThat(unit.all("MemoryDenyWriteExecute")).as("the JIT needs W+X memory").isEmpty();
		assertThat(unit.execStart(unit.environment())).contains("-XX:+ExitOnOutOfMemoryError");

		Sh.Result security = Sh.run("systemd-analyze", "security", "--offline=true", unitFile.toString());
		String overall = security.out()
			.lines()
			.filter((l) -> l.contains("Overall exposure level"))
			.findFirst()
			.orElseThrow(() -> new AssertionError(security.describe()));
		double exposure = Double.parseDouble(overall.replaceAll(".*: ([0-9.]+) .*", "$1"));
		assertThat(exposure).as(overall).isLessThanOrEqualTo(2.0);
	}

	@Test
	@Order(4)
	void installsWithDpkgAndCreatesTheSystemUser() {
		Needs.root();
		stopService();
		if (Sh.run("dpkg-query", "-W", "stackgate").exit() == 0) {
			Sh.run("dpkg", "--purge", "stackgate").ok(); // left over by an interrupted
															// run or another test
		}
		install();

		assertThat(Sh.run("dpkg-query", "-W", "-f", "${Status} ${Version}", "stackgate").ok().out())
			.isEqualTo("install ok installed " + Dist.debianVersion());
		String[] passwd = Sh.run("getent", "passwd", "stackgate").ok().out().trim().split(":");
		assertThat(Integer.parseInt(passwd[2])).as("a system uid").isBetween(100, 999);
		assertThat(passwd[5]).isEqualTo("/var/lib/stackgate");
		assertThat(passwd[6]).isEqualTo("/usr/sbin/nologin");
		Sh.run("getent", "group", "stackgate").ok();
		assertThat(Sh.run("stat", "-c", "%U:%G %a", "/etc/stackgate").ok().out().trim())
			.isEqualTo("root:stackgate 750");
		assertThat(Path.of("/usr/share/stackgate/stackgate-server.jar")).isRegularFile();
		assertVerifiesSilently(UNIT);
		if (Dist.hasCli()) {
			Sh.Result help = Sh.run("/usr/bin/stackgate", "--help");
			assertThat(help.exit()).as(help.describe()).isZero();
		}
	}

	@Test
	@Order(5)
	void serviceStartedAsItsExecStartIsReadyAndServesTheApi() throws Exception {
		Cloud c = startService();
		// setpriv and sh exec into the JVM: one process, running as the unit's user and
		// group
		Path proc = Path.of("/proc/" + service.pid());
		assertThat(Files.readString(proc.resolve("comm")).trim()).isEqualTo("java");
		assertThat(Sh.run("stat", "-c", "%U:%G", proc.toString()).ok().out().trim()).isEqualTo("stackgate:stackgate");
		assertThat(Files.readAllLines(proc.resolve("status"))).contains("NoNewPrivs:\t1");

		RealCloud cloud = c.login();
		assertThat(gateway.flavorNames(cloud.token())).contains(LaunchTarget.discover(cloud).flavor().name());
	}

	@Test
	@Order(6)
	void launchesAVmWithTheRenderedCloudInitAsUserData(@TempDir Path tmp) throws Exception {
		Cloud c = startService();
		RealCloud cloud = c.login();
		RealCloud admin = c.named(c.name() + "-admin").login(); // reads user_data back

		Path userData = tmp.resolve("gw.yaml");
		Sh.run(Dist.repo().resolve("deploy/render-cloud-init").toString(), "--deb-url",
				"http://127.0.0.1:8000/" + Dist.deb().getFileName(), "--deb-sha256", "0".repeat(64), "--clouds-yaml",
				Dist.repo().resolve("deploy/examples/clouds.yaml").toString(), "--os-cloud", "openstack", "-o",
				userData.toString())
			.ok();
		String text = Files.readString(userData);

		String name = "stackgate-dist-it-" + UUID.randomUUID().toString().substring(0, 8);
		LaunchTarget target = LaunchTarget.discover(cloud);
		String id = gateway.createServer(cloud.token(), name, target.flavor().name(), target.image().name(),
				target.network().name(), text);
		try {
			HttpResponse<String> r = Cloud
				.send(HttpRequest.newBuilder(URI.create(cloud.endpoint("compute") + "/servers/" + id))
					.header("X-Auth-Token", admin.token())
					.header("OpenStack-API-Version", "compute 2.3")
					.build());
			assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
			String stored = Cloud.JSON.readTree(r.body()).path("server").path("OS-EXT-SRV-ATTR:user_data").asString();
			assertThat(new String(Base64.getDecoder().decode(stored), StandardCharsets.UTF_8)).isEqualTo(text);
		}
		finally {
			cloud.servers().delete(id);
		}
	}

	@Test
	@Order(7)
	void stopsOnSigtermWithASuccessStatusOfTheUnit() throws Exception {
		startService();
		int exit = stopService();
		List<String> success = new ArrayList<>(List.of("0"));
		success.addAll(SystemdUnit.words(SystemdUnit.read(UNIT).get("SuccessExitStatus")));
		assertThat(success).as("exit status %d is a success for the unit", exit).contains(String.valueOf(exit));
	}

	@Test
	@Order(8)
	void reinstallingKeepsTheAdminsConffilesUserAndPermissions() throws IOException {
		stopService();
		ensureInstalled();
		String defaults = Files.readString(DEFAULTS);
		String uid = Sh.run("id", "-u", "stackgate").ok().out();
		// what an upgrade runs: preinst/postinst with the old version; no conffile prompt
		// for an unchanged one
		Sh.Result again = Sh
			.run(List.of("dpkg", "-i", Dist.deb().toString()), Map.of("DEBIAN_FRONTEND", "noninteractive"),
					Duration.ofMinutes(5))
			.ok();
		assertThat(again.out() + again.err()).doesNotContain("Configuration file");
		assertThat(Files.readString(DEFAULTS)).isEqualTo(defaults);
		assertThat(Sh.run("id", "-u", "stackgate").ok().out()).isEqualTo(uid);
		assertThat(Sh.run("stat", "-c", "%U:%G %a", "/etc/stackgate").ok().out().trim())
			.isEqualTo("root:stackgate 750");
	}

	@Test
	@Order(9)
	void removeKeepsConffilesUserAndState() throws IOException {
		stopService();
		ensureInstalled();
		String defaults = Files.readString(DEFAULTS);
		Sh.run("dpkg", "--remove", "stackgate").ok();

		assertThat(Sh.run("dpkg-query", "-W", "-f", "${Status}", "stackgate").out())
			.isEqualTo("deinstall ok config-files");
		assertThat(Path.of("/usr/share/stackgate")).doesNotExist();
		assertThat(UNIT).doesNotExist();
		assertThat(Files.readString(DEFAULTS)).as("the admin's changes survive").isEqualTo(defaults);
		assertThat(CONFIG).exists();
		Sh.run("getent", "passwd", "stackgate").ok();
	}

	@Test
	@Order(10)
	void purgeRemovesEverythingButTheAdminsOwnFiles() throws IOException {
		stopService();
		ensureInstalled();
		Sh.run("dpkg", "--purge", "stackgate").ok();

		assertThat(Sh.run("dpkg-query", "-W", "stackgate").exit()).isNotZero();
		assertThat(DEFAULTS).doesNotExist();
		assertThat(CONFIG).doesNotExist();
		assertThat(STATE).doesNotExist();
		assertThat(Sh.run("getent", "passwd", "stackgate").exit()).as("user removed").isNotZero();
		assertThat(Sh.run("getent", "group", "stackgate").exit()).as("group removed").isNotZero();
		assertThat(Sh.run("dpkg-statoverride", "--list", "/etc/stackgate").exit()).isNotZero();
		Path etc = Path.of("/etc/stackgate");
		if (Files.exists(etc)) {
			// dpkg keeps a directory that still holds files it does not own: the admin's
			// clouds.yaml
			try (var left = Files.list(etc)) {
				assertThat(left.map((p) -> p.getFileName().toString())).containsOnly("clouds.yaml");
			}
		}
	}

	/** Installs the package unless it is installed. */
	private void ensureInstalled() {
		Needs.root();
		String status = Sh.run("dpkg-query", "-W", "-f", "${Status}", "stackgate").out();
		if (!status.equals("install ok installed")) {
			install();
		}
	}

	private static void install() {
		Sh.run(List.of("dpkg", "-i", Dist.deb().toString()), Map.of("DEBIAN_FRONTEND", "noninteractive"),
				Duration.ofMinutes(5))
			.ok();
	}

	/**
	 * Configures the installed package for the cloud of OS_CLOUD and starts the service
	 * the way systemd would, unless it runs already. Returns that cloud.
	 */
	private Cloud startService() throws IOException, InterruptedException {
		Cloud c = Needs.cloud();
		if (service != null && service.isAlive()) {
			return c;
		}
		stopService();
		ensureInstalled();
		// What an admin does after installing: clouds.yaml, OS_CLOUD and settings.
		Path clouds = Path.of("/etc/stackgate/clouds.yaml");
		Files.copy(c.cloudsYaml(), clouds, StandardCopyOption.REPLACE_EXISTING);
		Sh.run("chown", "root:stackgate", clouds.toString()).ok();
		Sh.run("chmod", "0640", clouds.toString()).ok();
		int port = Dist.freePort();
		String defaults = Files.readString(DEFAULTS).replaceAll("(?m)^STACKGATE_LISTEN_(ADDRESS|PORT)=.*\n", "");
		Files.writeString(DEFAULTS, defaults.replaceAll("(?m)^OS_CLOUD=.*$", "OS_CLOUD=" + c.name())
				+ "STACKGATE_LISTEN_ADDRESS=127.0.0.1\nSTACKGATE_LISTEN_PORT=" + port + "\n");

		// What systemd does: StateDirectory=, then ExecStart as User=/Group= with the
		// unit's environment.
		SystemdUnit unit = SystemdUnit.read(UNIT);
		Sh.run("install", "-d", "-o", "stackgate", "-g", "stackgate", "-m", unit.get("StateDirectoryMode"),
				STATE.toString())
			.ok();
		Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin",
				"HOME", STATE.toString(), "USER", "stackgate", "LOGNAME", "stackgate", "SHELL", "/usr/sbin/nologin",
				"STATE_DIRECTORY", STATE.toString()));
		env.putAll(unit.environment());
		List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + unit.get("User"),
				"--regid=" + unit.get("Group"), "--init-groups", "--no-new-privs", "--", "sh", "-c",
				"umask " + unit.get("UMask") + " && exec \"$@\"", "ExecStart"));
		List<String> execStart = unit.execStart(env);
		assertThat(execStart.subList(0, 1)).containsExactly("/usr/bin/java");
		assertThat(execStart).endsWith("-jar", "/usr/share/stackgate/stackgate-server.jar");
		command.addAll(execStart);

		serviceLog = Path.of("target/stackgate-service.log").toAbsolutePath();
		ProcessBuilder pb = new ProcessBuilder(command).directory(Path.of(unit.get("WorkingDirectory")).toFile())
			.redirectErrorStream(true)
			.redirectOutput(serviceLog.toFile());
		pb.environment().clear();
		pb.environment().putAll(env);
		service = pb.start();

		gateway = new Gateway(port);
		Readiness.await(gateway.base(), Duration.ofMinutes(3), service::isAlive, this::serviceLogTail);
		return c;
	}

	private int stopService() {
		if (service == null) {
			return -1;
		}
		try {
			// SIGTERM to the JVM (setpriv and sh exec into it: same process)
			service.destroy();
			if (!service.waitFor(60, TimeUnit.SECONDS)) {
				service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				throw new AssertionError("no exit within 60 s of SIGTERM\n" + serviceLogTail());
			}
			return service.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
		finally {
			Process p = service;
			service = null;
			p.descendants().forEach(ProcessHandle::destroyForcibly);
		}
	}

	private String serviceLogTail() {
		try {
			List<String> lines = Files.readAllLines(serviceLog);
			return "--- last lines of " + serviceLog + "\n"
					+ String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex + ")";
		}
	}

	private static void assertVerifiesSilently(Path unitFile) {
		Sh.Result verify = Sh.run("systemd-analyze", "verify", unitFile.toString());
		assertThat(verify.exit()).as(verify.describe()).isZero();
		assertThat(verify.out() + verify.err()).as("systemd-analyze verify prints nothing").isEmpty();
	}

	private static String field(Path deb, String name) {
		Sh.Result r = Sh.run("dpkg-deb", "-f", deb.toString(), name);
		return r.ok().out().trim();
	}

}
