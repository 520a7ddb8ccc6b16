package io.stackgate.cli.command;

/**
 * The exit codes of {@code stackgate}, documented in docs/cli.md. Scripts may rely on
 * them.
 */
public final class ExitCode {

	/** Success. */
	public static final int OK = 0;

	/**
	 * The operation failed (a server went to ERROR), or an unexpected error in the CLI.
	 */
	public static final int FAILED = 1;

	/** Invalid command line, or a request the gateway rejected as invalid (400, 422). */
	public static final int USAGE = 2;

	/** Not logged in, login expired, credentials rejected (401) or not allowed (403). */
	public static final int AUTH = 3;

	/**
	 * No such server, flavor, image, network or route (404, or no server by that name).
	 */
	public static final int NOT_FOUND = 4;

	/**
	 * Conflict with the cloud's state (409: quota, an ambiguous name) or rate limited
	 * (429).
	 */
	public static final int CONFLICT = 5;

	/**
	 * The gateway or OpenStack behind it failed (5xx), is unreachable, or answered
	 * something unreadable.
	 */
	public static final int UNAVAILABLE = 6;

	/** {@code --wait} gave up after {@code --timeout}. */
	public static final int TIMEOUT = 7;

	private ExitCode() {
	}

}
