package io.stackgate.cli.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.stackgate.cli.client.GatewayClient;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The base of every leaf command: access to the global options, the gateway and the
 * output streams. A command returns its exit code, or throws; the top-level command turns
 * exceptions into messages and codes.
 */
public abstract class GatewayCommand implements Callable<Integer> {

	@Spec
	protected CommandSpec spec;

	/**
	 * The global options.
	 * @return the top-level command's options
	 */
	protected GlobalOptions global() {
		return (GlobalOptions) this.spec.root().userObject();
	}

	/**
	 * The process context.
	 * @return the context
	 */
	protected CliContext context() {
		return global().context();
	}

	/**
	 * The gateway, with credentials.
	 * @return the client
	 */
	protected GatewayClient gateway() {
		return global().gateway();
	}

	/**
	 * Standard output.
	 * @return the writer
	 */
	protected PrintWriter out() {
		return context().out();
	}

	/**
	 * Standard error.
	 * @return the writer
	 */
	protected PrintWriter err() {
		return context().err();
	}

	/**
	 * A usage error: reported like a bad option, with exit code {@link ExitCode#USAGE}.
	 * @param message what is wrong
	 * @return the exception to throw
	 */
	protected picocli.CommandLine.ParameterException usage(String message) {
		return new picocli.CommandLine.ParameterException(this.spec.commandLine(), message);
	}

}
