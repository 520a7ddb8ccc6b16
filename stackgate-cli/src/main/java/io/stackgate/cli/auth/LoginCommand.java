package io.stackgate.cli.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.stackgate.api.TokenDto;
import io.stackgate.api.TokenRequestDto;
import io.stackgate.cli.command.CliContext;
import io.stackgate.cli.command.ExitCode;
import io.stackgate.cli.command.GatewayCommand;
import io.stackgate.cli.config.StoredLogin;
import io.stackgate.cli.config.TokenStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code stackgate login}: a Keystone password login through the gateway; the token is
 * kept for later commands.
 */
@Command(name = "login",
		description = { "Log in to Keystone through the gateway.",
				"The token and its expiry are kept in ~/.config/stackgate/token.json (mode 0600) and sent by later "
						+ "commands to the same gateway. The password is read from the terminal without echo, or from "
						+ "the first line of stdin with --password-stdin; it is never an argument." },
		footerHeading = "%nExamples:%n",
		footer = { "  stackgate login", "  stackgate --url http://gw.example:8080 login -u demo -p demo",
				"  echo \"$PASSWORD\" | stackgate login -u demo -p demo -d Default --password-stdin" })
public class LoginCommand extends GatewayCommand {

	@Option(names = { "-u", "--username" }, paramLabel = "USER",
			description = "Keystone user name (default: $OS_USERNAME, else asked).")
	private String username;

	@Option(names = { "-p", "--project" }, paramLabel = "PROJECT",
			description = "Project to scope the token to (default: $OS_PROJECT_NAME, else asked).")
	private String project;

	@Option(names = { "-d", "--domain" }, paramLabel = "DOMAIN",
			description = "Domain of the user and project (default: $OS_USER_DOMAIN_NAME, else asked, else Default).")
	private String domain;

	@Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
	private boolean passwordStdin;

	@Override
	public Integer call() {
		CliContext context = context();
		String user = ask(this.username, "OS_USERNAME", "Username", null, "--username");
		String projectName = ask(this.project, "OS_PROJECT_NAME", "Project", null, "--project");
		String domainName = ask(this.domain, "OS_USER_DOMAIN_NAME", "Domain", "Default", "--domain");
		char[] password = password();
		TokenDto token;
		try {
			token = global().anonymousGateway()
				.createToken(new TokenRequestDto(user, new String(password), projectName, domainName));
		}
		finally {
			Arrays.fill(password, '\0');
		}
		String url = global().gatewayUrl();
		StoredLogin login = new StoredLogin(url, token.token(), token.expiresAt(),
				(token.user() != null) ? token.user() : user,
				(token.project() != null) ? token.project() : projectName);
		TokenStore store = new TokenStore(context.configDir());
		store.save(login);
		out().println("Logged in to " + url + " as " + login.user() + " (project " + login.project() + ")"
				+ ((login.expiresAt() != null) ? "; the token expires at " + login.expiresAt() : "") + ".");
		return ExitCode.OK;
	}

	private String ask(String option, String envName, String label, String fallback, String flag) {
		if (option != null && !option.isBlank()) {
			return option;
		}
		String env = context().env().get(envName);
		if (env != null && !env.isBlank()) {
			return env;
		}
		if (!context().prompter().available() || this.passwordStdin) {
			if (fallback != null) {
				return fallback;
			}
			throw usage("Missing " + flag + " (there is no terminal to ask on)");
		}
		String answer = context().prompter().readLine(label + ((fallback != null) ? " [" + fallback + "]" : "") + ": ");
		if (answer == null || answer.isBlank()) {
			if (fallback != null) {
				return fallback;
			}
			throw usage("Missing " + flag);
		}
		return answer.trim();
	}

	private char[] password() {
		char[] password;
		if (this.passwordStdin) {
			password = firstLineOfStdin();
		}
		else if (context().prompter().available()) {
			password = context().prompter().readPassword("Password: ");
		}
		else {
			throw usage("There is no terminal to ask for the password on: pipe it in with --password-stdin");
		}
		if (password == null || password.length == 0) {
			throw usage("Empty password");
		}
		return password;
	}

	private char[] firstLineOfStdin() {
		try {
			String line = new BufferedReader(new InputStreamReader(context().stdin(), StandardCharsets.UTF_8))
				.readLine();
			return (line != null) ? line.toCharArray() : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the password from stdin: " + ex.getMessage(), ex);
		}
	}

}
