package io.stackgate.server.it;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console as a user sees it: its forms by their labelled fields, its server list
 * by server name.
 */
final class ConsolePage {

	/**
	 * How long a server may take to appear, turn ACTIVE or go away on the local cloud.
	 */
	static final Duration SERVER_TIMEOUT = Duration.ofSeconds(180);

	private final Chromium browser;

	private final ChromeDriver driver;

	ConsolePage(Chromium browser) {
		this.browser = browser;
		this.driver = browser.driver();
	}

	/**
	 * Opens the console afresh: a new page has no credential, so it shows the login form.
	 */
	ConsolePage open(String baseUrl) {
		this.driver.get(baseUrl + "/");
		this.browser.waiting(Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
		return this;
	}

	ConsolePage logIn(String user, String password, String project) {
		type("login-username", user);
		type("login-password", password);
		type("login-project", project);
		type("login-domain", "Default");
		this.driver.findElement(By.id("login-submit")).click();
		return awaitWorkspace();
	}

	ConsolePage logInWithKey(String key) {
		type("login-api-key", key);
		this.driver.findElement(By.id("login-submit")).click();
		return this;
	}

	/**
	 * Waits until the launch form has its options, which is when the console is usable.
	 */
	ConsolePage awaitWorkspace() {
		this.browser.waiting(SERVER_TIMEOUT)
			.until((d) -> visible("workspace")
					&& !new Select(d.findElement(By.id("launch-flavor"))).getOptions().isEmpty());
		return this;
	}

	/**
	 * Fills the launch form, choosing flavor, image and networks by their names as the
	 * user reads them.
	 * @param count the count, or {@code null} to leave it
	 */
	ConsolePage fillLaunch(String name, String flavor, String image, List<String> networks, String count) {
		type("launch-name", name);
		if (count != null) {
			type("launch-count", count);
		}
		choose("launch-flavor", flavor);
		choose("launch-image", image);
		for (WebElement box : this.driver.findElements(By.cssSelector("#launch-networks input[type=checkbox]"))) {
			String label = this.driver.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "'] span"))
				.getText();
			if (box.isSelected() != networks.contains(label)) {
				box.click();
			}
		}
		return this;
	}

	/** Double-clicks Launch, as an impatient user does. */
	void doubleClickLaunch() {
		new Actions(this.driver).doubleClick(this.driver.findElement(By.id("launch-submit"))).perform();
	}

	void clickLaunch() {
		this.driver.findElement(By.id("launch-submit")).click();
	}

	/**
	 * @return the row of the server with exactly this name, if listed; it may be replaced
	 * at the next poll
	 */
	Optional<WebElement> row(String name) {
		return this.driver.findElements(By.cssSelector("#server-rows tr"))
			.stream()
			.filter((row) -> row.findElement(By.cssSelector(".server-name")).getText().equals(name))
			.findFirst();
	}

	void awaitRow(String name) {
		this.browser.waiting(SERVER_TIMEOUT).until((d) -> row(name).isPresent());
	}

	/** Waits until the server's row shows this status and an address on this network. */
	void awaitStatus(String name, String status, String addressPrefix) {
		this.browser.waiting(SERVER_TIMEOUT)
			.until((d) -> cell(name, "Status").equals(status) && cell(name, "Addresses").contains(addressPrefix));
	}

	/**
	 * @param label the column, for example {@code Flavor}
	 * @return the text in the server's row under it, once the server is listed
	 */
	String cell(String name, String label) {
		return this.browser.waiting(SERVER_TIMEOUT)
			.until((d) -> row(name)
				.map((row) -> row.findElement(By.cssSelector("td[data-label='" + label + "']")).getText())
				.orElse(null));
	}

	/** Deletes the server through its Delete button and the confirmation dialog. */
	void delete(String name) {
		this.browser.waiting(SERVER_TIMEOUT).until((d) -> {
			row(name).orElseThrow().findElement(By.cssSelector("button")).click();
			return true;
		});
		WebElement dialog = this.driver.findElement(By.id("delete-dialog"));
		this.browser.waiting(Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(dialog));
		if (!this.driver.findElement(By.id("delete-name")).getText().equals(name)) {
			throw new AssertionError("The dialog asks about another server");
		}
		this.driver.findElement(By.id("delete-confirm")).click();
	}

	void awaitGone(String name) {
		this.browser.waiting(SERVER_TIMEOUT).until((d) -> row(name).isEmpty());
	}

	/**
	 * @return the error shown beside a field of the launch form, for example
	 * {@code count}
	 */
	String fieldError(String field) {
		return this.driver.findElement(By.cssSelector("#launch-form [data-field='" + field + "'] .field-error"))
			.getText();
	}

	String text(String id) {
		return this.driver.findElement(By.id(id)).getText();
	}

	boolean visible(String id) {
		return this.driver.findElement(By.id(id)).isDisplayed();
	}

	private void type(String id, String text) {
		WebElement input = this.driver.findElement(By.id(id));
		input.clear();
		input.sendKeys(text);
	}

	private void choose(String id, String name) {
		Select select = new Select(this.driver.findElement(By.id(id)));
		for (WebElement option : select.getOptions()) {
			String label = option.getText();
			if (label.equals(name) || label.startsWith(name + " ")) {
				select.selectByValue(option.getAttribute("value"));
				return;
			}
		}
		throw new AssertionError("No option '" + name + "' in " + id);
	}

}
