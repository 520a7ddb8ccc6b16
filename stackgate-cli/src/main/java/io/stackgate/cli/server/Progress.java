package io.stackgate.cli.server;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reports a {@code --wait} on stderr: a line per status change and, on a terminal, a
 * status line redrawn in place with a spinner and the elapsed time. When stderr is not a
 * terminal only the plain lines appear, so a log stays readable.
 */
class Progress {

	private static final String SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

	private final PrintWriter err;

	private final boolean terminal;

	private final String waitingFor;

	private int frame;

	private boolean statusLineShown;

	/**
	 * Creates a progress report.
	 * @param err standard error
	 * @param terminal whether stderr is a terminal
	 * @param waitingFor what the status line says is awaited, for example {@code ACTIVE}
	 */
	Progress(PrintWriter err, boolean terminal, String waitingFor) {
		this.err = err;
		this.terminal = terminal;
		this.waitingFor = waitingFor;
	}

	/**
	 * Clears the status line when the process is interrupted (Ctrl-C) while it is shown.
	 * @return the hook, to remove with {@link Runtime#removeShutdownHook} once the wait
	 * is over
	 */
	Thread clearOnExit() {
		Thread hook = new Thread(this::finish, "stackgate-progress");
		if (this.terminal) {
			Runtime.getRuntime().addShutdownHook(hook);
		}
		return hook;
	}

	boolean terminal() {
		return this.terminal;
	}

	/**
	 * A server was seen in a new status.
	 * @param label the server's name and short id
	 * @param from the previous status, {@code null} the first time
	 * @param to the new status
	 * @param elapsed time since the wait started
	 */
	synchronized void changed(String label, String from, String to, Duration elapsed) {
		clearStatusLine();
		this.err.println(label + ": " + ((from != null) ? from + " -> " : "") + to + " (" + seconds(elapsed) + ")");
		this.err.flush();
	}

	/**
	 * Something worth telling while waiting goes on, such as a poll that failed.
	 * @param message the note
	 */
	synchronized void note(String message) {
		clearStatusLine();
		this.err.println(message);
		this.err.flush();
	}

	/**
	 * Redraws the status line (terminal only).
	 * @param statuses the current status of every server not yet done, by label
	 * @param elapsed time since the wait started
	 */
	synchronized void tick(Map<String, String> statuses, Duration elapsed) {
		if (!this.terminal || statuses.isEmpty()) {
			return;
		}
		char spinner = SPINNER.charAt(this.frame++ % SPINNER.length());
		this.err.print(
				"\r\033[K" + spinner + " Waiting for " + describe(statuses, this.waitingFor) + ", " + seconds(elapsed));
		this.err.flush();
		this.statusLineShown = true;
	}

	/** Ends the report: removes the status line. */
	synchronized void finish() {
		clearStatusLine();
		this.err.flush();
	}

	private static String describe(Map<String, String> statuses, String goal) {
		if (statuses.size() == 1) {
			Map.Entry<String, String> only = statuses.entrySet().iterator().next();
			return only.getKey() + " to be " + goal + ": " + only.getValue();
		}
		Map<String, Long> counts = new LinkedHashMap<>();
		statuses.values().forEach((status) -> counts.merge(status, 1L, Long::sum));
		return statuses.size() + " servers to be " + goal + ": "
				+ counts.entrySet()
					.stream()
					.map((entry) -> entry.getValue() + " " + entry.getKey())
					.collect(Collectors.joining(", "));
	}

	private void clearStatusLine() {
		if (this.statusLineShown) {
			this.err.print("\r\033[K");
			this.statusLineShown = false;
		}
	}

	static String seconds(Duration elapsed) {
		return elapsed.toSeconds() + "s";
	}

	static String label(String name, String id) {
		return name + " (" + shortId(id) + ")";
	}

	private static String shortId(String id) {
		return (id != null && id.length() > 8) ? id.substring(0, 8) : String.valueOf(id);
	}

	static String join(Collection<String> labels) {
		return String.join(", ", labels);
	}

}
