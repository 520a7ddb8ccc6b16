package io.stackgate.server.it;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;

import io.stackgate.itsupport.LaunchTarget;
import io.stackgate.itsupport.RealCloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The web console in a real headless Chromium, against a real gateway and the local
 * cloud: what the page shows is checked against Nova itself. Servers are named with this
 * run's prefix and deleted at the end, also when a test fails. The screenshots of docs/
 * come from the first test (in target/console-screenshots/).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

	private static final String PREFIX = "it-console-" + UUID.randomUUID().toString().substring(0, 6) + "-";

	private static final String API_KEY = "sg-console-" + UUID.randomUUID();

	private static final Path SHOTS = Path.of("target/console-screenshots");

	/**
	 * The local cloud is shared with other test runs and can take tens of seconds to
	 * answer a list.
	 */
	private static final String PATIENT = "stackgate.upstream.read-timeout=120s";

	private static RealCloud cloud;

	private static LaunchTarget target;

	private static Gateway keystone;

	private static Gateway service;

	private static Chromium browser;

	private ConsolePage page;

	@BeforeAll
	static void start() throws Exception {
		cloud = RealCloud.fromEnvironment();
		target = LaunchTarget.discover(cloud);
		CompletableFuture<Gateway> second = CompletableFuture.supplyAsync(() -> Gateway.start(PATIENT,
				"stackgate.auth.mode=service", "stackgate.auth.api-keys[0].name=console-it",
				"stackgate.auth.api-keys[0].sha256=" + sha256(API_KEY), "stackgate.auth.api-keys[0].role=operator"));
		// A revoked token is refused within 2 s, so that the expiry test needs no long
		// wait.
		keystone = Gateway.start(PATIENT, "stackgate.auth.token-cache-ttl=2s");
		service = second.join();
		browser = Chromium.start();
	}

	@AfterAll
	static void cleanUp() throws Exception {
		try {
			if (browser != null) {
				browser.close();
			}
		}
		finally {
			if (cloud != null) {
				cloud.servers().deleteAll(PREFIX);
			}
			if (keystone != null) {
				keystone.close();
			}
			if (service != null) {
				service.close();
			}
		}
	}

	@BeforeEach
	void openConsole() {
		this.page = new ConsolePage(browser);
	}

	@AfterEach
	void keepTheLastScreen(TestInfo test) throws Exception {
		browser.screenshot(SHOTS.resolve("last-" + test.getTestMethod().orElseThrow().getName() + ".png"), 1280);
	}

	@Test
	@Order(1) // first, so that it measures a load with an empty cache
	void launchesByNamesWatchesTheServerTurnActiveWithItsAddressAndDeletesIt() throws Exception {
		String name = PREFIX + "web";
		long opened = System.nanoTime();
		this.page.open(keystone.baseUrl());
		long interactive = System.nanoTime();
		this.page.logIn(cloud.username(), cloud.password(), cloud.projectName());
		long loaded = System.nanoTime();
		report(opened, interactive, loaded);
		browser.script("window.consoleItNoReload = true;");

		this.page
			.fillLaunch(name, target.flavor().name(), target.image().name(), List.of(target.network().name()), null)
			.doubleClickLaunch();
		this.page.awaitRow(name);
		this.page.awaitStatus(name, "ACTIVE", target.network().name() + ": ");
		String address = this.page.cell(name, "Addresses")
			.substring(target.network().name().length() + 2)
			.split("[ ,]")[0];
		assertThat(target.network().contains(address)).as(address).isTrue();

		assertThat(browser.script("return window.consoleItNoReload === true;")).as("the page was not reloaded")
			.isEqualTo(true);
		assertThat(cloud.servers().ids(name)).as("a double click makes one server").hasSize(1);
		assertThat(this.page.cell(name, "Flavor")).isEqualTo(target.flavor().name());
		assertThat(this.page.cell(name, "Image")).isEqualTo(target.image().name());
		assertThat(this.page.cell(name, "Age")).matches("\\d+ (s|min)");
		assertThat(this.page.text("launch-status")).isEqualTo("Launched " + name);
		browser.screenshot(SHOTS.resolve("console-desktop.png"), 1280);
		browser.screenshot(SHOTS.resolve("console-narrow.png"), 360);

		this.page.delete(name);
		this.page.awaitGone(name);
		assertThat(cloud.servers().ids(name)).isEmpty();
	}

	@Test
	void aBadLaunchShowsItsFieldErrorsBesideTheFieldsAndCreatesNothing() throws Exception {
		String name = PREFIX + "bad";
		this.page.open(keystone.baseUrl()).logIn(cloud.username(), cloud.password(), cloud.projectName());

		this.page.fillLaunch(name, target.flavor().name(), target.image().name(), List.of(), "50").clickLaunch();
		browser.waiting(Duration.ofSeconds(30)).until((d) -> !this.page.fieldError("count").isEmpty());

		assertThat(this.page.fieldError("count")).isEqualTo("must be between 1 and 10");
		assertThat(this.page.fieldError("networks")).isEqualTo("at least one network id or name is required");
		assertThat(this.page.fieldError("name")).isEmpty();
		assertThat(browser.driver().findElement(By.id("launch-count")).getAttribute("aria-invalid")).isEqualTo("true");
		Thread.sleep(2000);
		assertThat(cloud.servers().ids(name)).as("servers in Nova").isEmpty();
		assertThat(this.page.row(name)).isEmpty();
	}

	@Test
	void aServerNamedLikeMarkupIsShownAsText() throws Exception {
		String name = PREFIX + "<img src=x onerror=alert(1)>";
		this.page.open(keystone.baseUrl()).logIn(cloud.username(), cloud.password(), cloud.projectName());

		this.page
			.fillLaunch(name, target.flavor().name(), target.image().name(), List.of(target.network().name()), null)
			.clickLaunch();
		this.page.awaitRow(name);

		assertThat(this.page.cell(name, "Name")).isEqualTo(name);
		assertThat(browser.driver().findElements(By.cssSelector("main img, dialog img"))).isEmpty();
		assertThat(this.page.text("launch-status")).isEqualTo("Launched " + name);
		assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
		assertThat(cloud.servers().ids(name)).hasSize(1);
		this.page.delete(name);
		assertThat(browser.driver().findElements(By.cssSelector("main img, dialog img"))).isEmpty();
	}

	@Test
	void aRevokedTokenBringsTheLoginBackWithAMessage() throws Exception {
		this.page.open(keystone.baseUrl()).logIn(cloud.username(), cloud.password(), cloud.projectName());
		String token = browser.lastRequestHeader("X-Auth-Token").orElseThrow();

		cloud.keystone().revoke(token);

		browser.waiting(Duration.ofSeconds(30)).until((d) -> this.page.visible("login"));
		assertThat(this.page.text("notice")).startsWith("Your session has ended").endsWith("Log in again.");
		assertThat(this.page.visible("workspace")).isFalse();
		assertThat(browser.driver().findElements(By.cssSelector("#server-rows tr"))).isEmpty();
		assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("login-password");
	}

	@Test
	void modeServiceAsksForAnApiKeyAndRefusesAWrongOne() throws Exception {
		this.page.open(service.baseUrl());
		assertThat(this.page.visible("login-api-key")).isTrue();
		assertThat(this.page.visible("login-username")).isFalse();

		this.page.logInWithKey("sg-wrong-" + UUID.randomUUID());
		browser.waiting(Duration.ofSeconds(30)).until((d) -> !this.page.text("login-error").isEmpty());
		assertThat(this.page.text("login-error")).startsWith("The credentials were refused");

		this.page.logInWithKey(API_KEY).awaitWorkspace();
		assertThat(this.page.text("who")).isEqualTo("API key");
		assertThat(browser.driver().findElement(By.id("launch-flavor")).getText()).contains(target.flavor().name());
	}

	private static void report(long opened, long interactive, long loaded) {
		List<Map<String, Object>> files = browser.transfers();
		long wire = files.stream().mapToLong((file) -> ((Number) file.get("bytes")).longValue()).sum();
		long bodies = files.stream().mapToLong((file) -> ((Number) file.get("body")).longValue()).sum();
		Object mark = browser.script("return performance.getEntriesByName('console-interactive')[0]?.startTime;");
		System.out.printf("ConsoleIT: %d files, %d bytes over the wire (%d of them bodies); login form interactive "
				+ "%d ms after navigation start (%d ms by the test's clock); logged in, with the launch options "
				+ "loaded, %d ms after the click%n", files.size(), wire, bodies,
				Math.round(((Number) mark).doubleValue()), (interactive - opened) / 1_000_000,
				(loaded - interactive) / 1_000_000);
	}

	private static String sha256(String key) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes()));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
