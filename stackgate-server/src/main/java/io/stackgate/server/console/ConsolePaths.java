package io.stackgate.server.console;

/**
 * Where the console lives: its page at {@code /} (also {@code /index.html}) and its files
 * under {@code /console/}, all served from {@code classpath:/static/}.
 */
final class ConsolePaths {

	static final String FILES = "/console/";

	static final String SETTINGS = FILES + "settings";

	private ConsolePaths() {
	}

	/**
	 * @param path a request path inside the application
	 * @return whether it is one of the console's
	 */
	static boolean isConsole(String path) {
		return path.isEmpty() || path.equals("/") || path.equals("/index.html") || path.startsWith(FILES);
	}

}
