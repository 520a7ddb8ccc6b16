package io.stackgate.cli.command;

/**
 * A failure the CLI itself detects (not logged in, no server by that name, a wait that
 * timed out, ...): its message goes to stderr as is, and the process exits with
 * {@link #exitCode()}.
 */
public class CliException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int exitCode;

	/**
	 * Creates an exception.
	 * @param exitCode one of {@link ExitCode}
	 * @param message a sentence for the user
	 */
	public CliException(int exitCode, String message) {
		super(message);
		this.exitCode = exitCode;
	}

	/**
	 * The process exit code for this failure.
	 * @return one of {@link ExitCode}
	 */
	public int exitCode() {
		return this.exitCode;
	}

}
