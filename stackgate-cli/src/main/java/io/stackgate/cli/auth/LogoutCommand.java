package io.stackgate.cli.auth;

import io.stackgate.cli.command.ExitCode;
import io.stackgate.cli.command.GatewayCommand;
import io.stackgate.cli.config.TokenStore;
import picocli.CommandLine.Command;

/**
 * {@code stackgate logout}: forgets the stored token.
 */
@Command(name = "logout",
		description = { "Forget the stored login (~/.config/stackgate/token.json).",
				"The token itself stays valid in Keystone until it expires." },
		footerHeading = "%nExamples:%n", footer = "  stackgate logout")
public class LogoutCommand extends GatewayCommand {

	@Override
	public Integer call() {
		TokenStore store = new TokenStore(context().configDir());
		if (store.delete()) {
			out().println("Logged out: removed " + store.file() + ".");
		}
		else {
			out().println("Not logged in.");
		}
		return ExitCode.OK;
	}

}
