package io.stackgate.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import javax.net.ssl.SSLSocketFactory;

import io.stackgate.cloudconfig.CaCertificates;
import io.stackgate.cloudconfig.CloudConfigException;

import io.stackgate.cli.client.Credentials;
import io.stackgate.cli.client.GatewayClient;
import io.stackgate.cli.command.CliContext;
import io.stackgate.cli.command.CliException;
import io.stackgate.cli.command.ExitCode;
import io.stackgate.cli.command.Failures;
import io.stackgate.cli.command.GlobalOptions;
import io.stackgate.cli.config.Connection;
import io.stackgate.cli.config.TokenStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code stackgate}: the command-line client of the Stackgate gateway, in
 * python-openstackclient's grammar. This is the top-level command (global options) and
 * the process entry point.
 */
@Command(name = "stackgate", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
		versionProvider = StackgateCli.Version.class, sortOptions = false, usageHelpAutoWidth = false,
		description = { "Command-line client of the Stackgate gateway in front of OpenStack.",
				"Speaks the grammar of 'openstack' (python-openstackclient), in a fraction of its time." },
		footerHeading = "%nExamples:%n",
		footer = { "  stackgate login", "  stackgate launch-options",
				"  stackgate server create vm1 --flavor m1.nano --image cirros-fake-raw \\",
				"      --network private --wait", "  stackgate server list", "  stackgate server delete vm1 --wait", "",
				"Exit codes: 0 ok, 1 failed, 2 usage or invalid request, 3 auth, 4 not found,",
				"5 conflict or rate limited, 6 gateway or OpenStack error, 7 --wait timed out." })
public class StackgateCli implements Callable<Integer>, GlobalOptions {

	private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(60);

	private final CliContext context;

	@Option(names = "--url", paramLabel = "URL", scope = ScopeType.INHERIT,
			description = "Gateway URL (default: $STACKGATE_URL, else the one logged in to, else "
					+ Connection.DEFAULT_URL + ").")
	private String url;

	@Option(names = "--token", paramLabel = "TOKEN", scope = ScopeType.INHERIT,
			description = "Keystone token to send (default: $STACKGATE_TOKEN, else the API key in "
					+ "$STACKGATE_API_KEY, else the login's token). Prefer the variable: arguments show in ps.")
	private String token;

	@Option(names = "--debug", scope = ScopeType.INHERIT,
			description = "Trace HTTP requests and print stack traces on stderr.")
	private boolean debug;

	@Spec
	private CommandSpec spec;

	private GatewayClient gateway;

	/**
	 * Creates the top-level command.
	 * @param context the process context
	 */
	public StackgateCli(CliContext context) {
		this.context = context;
	}

	/**
	 * Runs {@code stackgate} in this process and exits with its exit code.
	 * @param args the command line
	 */
	public static void main(String[] args) {
		CliContext context = CliContext.system();
		int exitCode = run(context, args);
		context.out().flush();
		context.err().flush();
		System.exit(exitCode);
	}

	/**
	 * Runs {@code stackgate} with the given context, without exiting.
	 * @param context the process context (streams, environment, ...)
	 * @param args the command line
	 * @return the exit code
	 */
	public static int run(CliContext context, String... args) {
		int exitCode = commandLine(context, args).execute(args);
		context.out().flush();
		context.err().flush();
		return exitCode;
	}

	/**
	 * The picocli command line of {@code stackgate} with every command, and its error
	 * handling.
	 * @param context the process context
	 * @return the command line, ready to {@code execute}
	 */
	public static CommandLine commandLine(CliContext context) {
		return commandLine(context, new String[0]);
	}

	/**
	 * The picocli command line of {@code stackgate} with what these arguments need: the
	 * one top-level command they name (with its subcommands), or every command.
	 * @param context the process context
	 * @param args the command line to run
	 * @return the command line, ready to {@code execute(args)}
	 */
	static CommandLine commandLine(CliContext context, String[] args) {
		StackgateCli root = new StackgateCli(context);
		CommandLine commandLine = new CommandLine(root);
		CommandTree.addFor(commandLine, args);
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		commandLine.setOut(context.out());
		commandLine.setErr(context.err());
		commandLine.setParameterExceptionHandler(root::handleParameterException);
		commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> root.handleFailure(ex));
		return commandLine;
	}

	@Override
	public Integer call() {
		this.spec.commandLine().usage(this.context.err());
		return ExitCode.USAGE;
	}

	@Override
	public CliContext context() {
		return this.context;
	}

	@Override
	public boolean debug() {
		return this.debug;
	}

	@Override
	public GatewayClient gateway() {
		if (this.gateway == null) {
			TokenStore store = new TokenStore(this.context.configDir());
			Connection connection = Connection.resolve(this.url, this.token, this.context.env(), store.load(),
					this.context.clock().instant());
			this.gateway = client(connection);
		}
		return this.gateway;
	}

	@Override
	public GatewayClient anonymousGateway() {
		return client(
				new Connection(Connection.url(this.url, this.context.env(), Optional.empty()), new Credentials.None()));
	}

	@Override
	public String gatewayUrl() {
		return Connection.url(this.url, this.context.env(), new TokenStore(this.context.configDir()).load()).toString();
	}

	private GatewayClient client(Connection connection) {
		return new GatewayClient(connection.url(), connection.credentials(), HTTP_TIMEOUT,
				"stackgate-cli/" + Version.number(), (line) -> {
					if (this.debug) {
						this.context.err().println("[debug] " + line);
					}
				}, gatewayCa());
	}

	/**
	 * @return for a gateway behind TLS with a CA of its own, {@code STACKGATE_CACERT}'s
	 * trust; {@code null} for the JDK's
	 */
	private SSLSocketFactory gatewayCa() {
		String caCert = this.context.env().get("STACKGATE_CACERT");
		if (caCert == null || caCert.isBlank()) {
			return null;
		}
		try {
			return CaCertificates.sslContext(Path.of(caCert)).getSocketFactory();
		}
		catch (CloudConfigException ex) {
			throw new CliException(ExitCode.USAGE, "STACKGATE_CACERT: " + ex.getMessage());
		}
	}

	private int handleParameterException(ParameterException ex, String[] args) {
		this.context.err().println("stackgate: " + ex.getMessage());
		UnmatchedArgumentException.printSuggestions(ex, this.context.err());
		this.context.err()
			.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
		return ExitCode.USAGE;
	}

	private int handleFailure(Exception ex) {
		if (this.debug) {
			ex.printStackTrace(this.context.err());
		}
		List<String> lines = Failures.describe(ex);
		this.context.err().println("stackgate: " + lines.get(0));
		lines.subList(1, lines.size()).forEach(this.context.err()::println);
		return Failures.exitCode(ex);
	}

	/** {@code --version}: the version from the jar's manifest. */
	static class Version implements IVersionProvider {

		static String number() {
			String version = StackgateCli.class.getPackage().getImplementationVersion();
			return (version != null) ? version : "dev";
		}

		@Override
		public String[] getVersion() {
			return new String[] { "stackgate " + number() + " (Java " + System.getProperty("java.version") + ")" };
		}

	}

}
