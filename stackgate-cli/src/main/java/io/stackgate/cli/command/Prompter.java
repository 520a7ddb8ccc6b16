package io.stackgate.cli.command;

/**
 * Asks the user for input on the terminal.
 */
public interface Prompter {

	/**
	 * Whether there is a terminal to ask on.
	 * @return {@code false} when stdin or stdout is not a terminal
	 */
	boolean available();

	/**
	 * Asks for a line of text.
	 * @param prompt the question, for example {@code "Username: "}
	 * @return the answer, {@code null} at end of input
	 */
	String readLine(String prompt);

	/**
	 * Asks for a secret without echoing it.
	 * @param prompt the question
	 * @return the answer, {@code null} at end of input
	 */
	char[] readPassword(String prompt);

	/**
	 * The prompter of the process's console ({@link System#console()}).
	 * @return a prompter, unavailable when there is no console
	 */
	static Prompter console() {
		java.io.Console console = System.console();
		return new Prompter() {

			@Override
			public boolean available() {
				return console != null;
			}

			@Override
			public String readLine(String prompt) {
				return console.readLine("%s", prompt);
			}

			@Override
			public char[] readPassword(String prompt) {
				return console.readPassword("%s", prompt);
			}

		};
	}

}
