package io.stackgate.cli.command;

import io.stackgate.cli.client.GatewayClient;

/**
 * What the top-level {@code stackgate} command gives its subcommands.
 */
public interface GlobalOptions {

	/**
	 * The process context.
	 * @return the context
	 */
	CliContext context();

	/**
	 * Whether {@code --debug} was given: HTTP trace and stack traces on stderr.
	 * @return the flag
	 */
	boolean debug();

	/**
	 * A client for the gateway chosen by {@code --url}, {@code STACKGATE_URL} or the
	 * login, with the credentials chosen by {@code --token}, {@code STACKGATE_TOKEN},
	 * {@code STACKGATE_API_KEY} or the login.
	 * @return the client
	 * @throws CliException when the stored login has expired
	 */
	GatewayClient gateway();

	/**
	 * A client for the gateway without credentials, for {@code login}.
	 * @return the client
	 */
	GatewayClient anonymousGateway();

	/**
	 * The gateway URL in use, for messages.
	 * @return the URL
	 */
	String gatewayUrl();

}
