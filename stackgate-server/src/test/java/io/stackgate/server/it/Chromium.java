package io.stackgate.server.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages
 * (installed by deploy/install-build-deps), with a fresh profile, driven through
 * {@code /usr/bin/chromedriver}: nothing is downloaded, Selenium Manager is never asked.
 */
final class Chromium implements AutoCloseable {

	static final Path BROWSER = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private final Path profile;

	private final ChromeDriver driver;

	private Chromium(Path profile, ChromeDriver driver) {
		this.profile = profile;
		this.driver = driver;
	}

	/**
	 * @return a browser with a desktop-sized window
	 */
	static Chromium start() throws IOException {
		if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
			throw new IllegalStateException("The console's browser tests need Debian's chromium and chromium-driver: "
					+ "run deploy/install-build-deps (as root)");
		}
		System.setProperty("webdriver.chrome.driver", DRIVER.toString());
		Path profile = Files.createTempDirectory("stackgate-console-it-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.PERFORMANCE, java.util.logging.Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
		return new Chromium(profile, new ChromeDriver(service, options));
	}

	ChromeDriver driver() {
		return this.driver;
	}

	/**
	 * @return a wait that looks again when an element it held was replaced: the server
	 * list redraws rows as Nova's answers change, and Nova may briefly leave a server
	 * being scheduled out of its list
	 */
	WebDriverWait waiting(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(this.driver, timeout, Duration.ofMillis(200));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/**
	 * Saves a PNG of the whole page as a screen this wide shows it, also what lies below
	 * the fold. Below 600 px the screen is a phone's: no scroll bar, and the page's
	 * viewport meta tag applies.
	 */
	void screenshot(Path file, int width) throws IOException {
		emulate(width, 800);
		emulate(width, ((Number) script("return document.documentElement.scrollHeight;")).intValue());
		Map<String, Object> shot = this.driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
		this.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
	}

	private void emulate(int width, int height) {
		this.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
	}

	/**
	 * @param header a request header, for example {@code X-Auth-Token}
	 * @return its value in the latest request the page sent with it, read from the
	 * browser's network log
	 */
	Optional<String> lastRequestHeader(String header) {
		Optional<String> found = Optional.empty();
		for (LogEntry entry : this.driver.manage().logs().get(LogType.PERFORMANCE)) {
			JsonNode message = Gateway.JSON.readTree(entry.getMessage()).path("message");
			if (message.path("method").asString().equals("Network.requestWillBeSent")) {
				JsonNode value = message.path("params").path("request").path("headers").path(header);
				if (value.isString()) {
					found = Optional.of(value.asString());
				}
			}
		}
		return found;
	}

	/**
	 * @return the result of a script run in the page
	 */
	Object script(String script, Object... arguments) {
		return this.driver.executeScript(script, arguments);
	}

	@Override
	public void close() throws IOException {
		try {
			this.driver.quit();
		}
		finally {
			try (Stream<Path> files = Files.walk(this.profile)) {
				for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
					Files.deleteIfExists(file);
				}
			}
		}
	}

	/**
	 * @return the names of the console's files the page loaded, with the bytes each took
	 * on the wire
	 */
	@SuppressWarnings("unchecked")
	List<Map<String, Object>> transfers() {
		return (List<Map<String, Object>>) script("""
				return [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
				  .filter((e) => !e.name.includes('/api/'))
				  .map((e) => ({name: e.name, bytes: e.transferSize, body: e.encodedBodySize}));""");
	}

}
