package io.stackgate.cli.command;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.stackgate.api.ProblemDto;
import io.stackgate.cli.client.GatewayUnreachableException;
import io.stackgate.cli.client.ProblemException;
import io.stackgate.cli.client.UnexpectedResponseException;
import picocli.CommandLine.ParameterException;

/**
 * Turns any failure into the lines printed on stderr and the exit code: the one table of
 * docs/cli.md "Exit codes".
 */
public final class Failures {

	private Failures() {
	}

	/**
	 * The exit code for a failure.
	 * @param failure what was thrown
	 * @return one of {@link ExitCode}
	 */
	public static int exitCode(Throwable failure) {
		if (failure instanceof CliException cli) {
			return cli.exitCode();
		}
		if (failure instanceof ProblemException problem) {
			return switch (problem.kind()) {
				case INVALID_REQUEST -> ExitCode.USAGE;
				case UNAUTHENTICATED, FORBIDDEN -> ExitCode.AUTH;
				case NOT_FOUND -> ExitCode.NOT_FOUND;
				case CONFLICT, RATE_LIMITED -> ExitCode.CONFLICT;
				case UPSTREAM -> ExitCode.UNAVAILABLE;
				case OTHER -> ExitCode.FAILED;
			};
		}
		if (failure instanceof ParameterException) {
			return ExitCode.USAGE;
		}
		if (failure instanceof GatewayUnreachableException || failure instanceof UnexpectedResponseException) {
			return ExitCode.UNAVAILABLE;
		}
		return ExitCode.FAILED;
	}

	/**
	 * What to tell the user: the problem's title and detail first, then indented details
	 * (invalid fields, request ids, a hint).
	 * @param failure what was thrown
	 * @return one or more lines, without the {@code stackgate:} prefix
	 */
	public static List<String> describe(Throwable failure) {
		List<String> lines = new ArrayList<>();
		if (failure instanceof ProblemException problemException) {
			ProblemDto problem = problemException.problem();
			lines.add(problemException.getMessage());
			if (problem.errors() != null) {
				problem.errors().forEach((error) -> lines.add("  " + error.field() + ": " + error.message()));
			}
			if (problem.openstackService() != null) {
				lines.add("  OpenStack " + problem.openstackService()
						+ ((problem.upstreamStatus() != null) ? " answered HTTP " + problem.upstreamStatus()
								: " failed")
						+ ((problem.openstackRequestId() != null) ? " (request " + problem.openstackRequestId() + ")"
								: ""));
			}
			if (problem.requestId() != null && problemException.status() >= 500) {
				lines.add("  Gateway request id: " + problem.requestId());
			}
			if (problemException.kind() == ProblemException.Kind.UNAUTHENTICATED) {
				lines.add("  Log in with 'stackgate login', or set STACKGATE_TOKEN or STACKGATE_API_KEY.");
			}
		}
		else if (failure instanceof GatewayUnreachableException unreachable) {
			lines.add(failure.getMessage());
			lines.add(unreachable.isUntrusted()
					? "  Give the CA certificates that signed it as a PEM file in STACKGATE_CACERT."
					: "  Is the gateway running there? Choose it with --url or STACKGATE_URL.");
		}
		else if (failure instanceof CliException || failure instanceof ParameterException
				|| failure instanceof UnexpectedResponseException || failure instanceof UncheckedIOException) {
			lines.add(failure.getMessage());
		}
		else {
			lines.add("Unexpected error: " + failure + " (run with --debug for the stack trace)");
		}
		return lines;
	}

}
