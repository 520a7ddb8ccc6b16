package io.stackgate.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a systemd unit the way systemd does for what the ITs need to start a service by
 * hand (PID 1 here is not systemd): the [Service] settings, the environment of
 * Environment= and EnvironmentFile=, and ExecStart with {@code $VAR} and {@code ${VAR}}
 * expanded (systemd.service(5) "Command lines", systemd.exec(5) "Environment").
 */
final class SystemdUnit {

	private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)\\}");

	private final Map<String, List<String>> service = new LinkedHashMap<>();

	private SystemdUnit() {
	}

	static SystemdUnit read(Path file) {
		SystemdUnit unit = new SystemdUnit();
		String section = "";
		StringBuilder pending = new StringBuilder();
		for (String raw : lines(file)) {
			String line = raw.strip();
			if (pending.isEmpty() && (line.isEmpty() || line.startsWith("#") || line.startsWith(";"))) {
				continue;
			}
			if (line.endsWith("\\")) {
				pending.append(line, 0, line.length() - 1).append(' ');
				continue;
			}
			line = pending.append(line).toString();
			pending.setLength(0);
			if (line.startsWith("[")) {
				section = line;
				continue;
			}
			int eq = line.indexOf('=');
			if ("[Service]".equals(section) && eq > 0) {
				unit.service.computeIfAbsent(line.substring(0, eq).strip(), (k) -> new ArrayList<>())
					.add(line.substring(eq + 1).strip());
			}
		}
		return unit;
	}

	/** Every value of a [Service] setting, in order. */
	List<String> all(String key) {
		return service.getOrDefault(key, List.of());
	}

	/**
	 * The last value of a [Service] setting (the one that counts for single-valued
	 * settings).
	 */
	String get(String key) {
		List<String> values = all(key);
		if (values.isEmpty()) {
			throw new AssertionError("unit has no " + key + "=");
		}
		return values.get(values.size() - 1);
	}

	/**
	 * Environment= then every EnvironmentFile= (which override it), as systemd merges
	 * them.
	 */
	Map<String, String> environment() {
		Map<String, String> env = new LinkedHashMap<>();
		for (String value : all("Environment")) {
			for (String assignment : words(value)) {
				int eq = assignment.indexOf('=');
				env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
			}
		}
		for (String value : all("EnvironmentFile")) {
			boolean optional = value.startsWith("-");
			Path file = Path.of(optional ? value.substring(1) : value);
			if (!Files.exists(file)) {
				if (optional) {
					continue;
				}
				throw new AssertionError("EnvironmentFile " + file + " is missing");
			}
			env.putAll(environmentFile(file));
		}
		return env;
	}

	/** ExecStart as argv: $VAR alone splits into words, ${VAR} stays one word. */
	List<String> execStart(Map<String, String> env) {
		List<String> argv = new ArrayList<>();
		List<String> words = words(get("ExecStart"));
		String first = words.get(0).replaceFirst("^[-@:+!]+", "");
		words.set(0, first);
		for (String word : words) {
			if (word.matches("\\$[A-Za-z_][A-Za-z0-9_]*")) {
				String value = env.getOrDefault(word.substring(1), "");
				for (String part : value.strip().split("\\s+")) {
					if (!part.isEmpty()) {
						argv.add(part);
					}
				}
				continue;
			}
			Matcher m = VAR.matcher(word);
			argv.add(m.replaceAll((r) -> Matcher.quoteReplacement(env.getOrDefault(r.group(1), ""))));
		}
		return argv;
	}

	/** KEY=VALUE lines; # and ; comments; surrounding quotes removed. */
	static Map<String, String> environmentFile(Path file) {
		Map<String, String> env = new LinkedHashMap<>();
		for (String raw : lines(file)) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
				continue;
			}
			int eq = line.indexOf('=');
			if (eq <= 0) {
				throw new AssertionError(file + ": not KEY=VALUE: " + raw);
			}
			String value = line.substring(eq + 1).strip();
			if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
					|| value.startsWith("'") && value.endsWith("'"))) {
				value = value.substring(1, value.length() - 1);
			}
			env.put(line.substring(0, eq).strip(), value);
		}
		return env;
	}

	/**
	 * Splits on blanks, keeping "double" and 'single' quoted parts together (quotes
	 * removed).
	 */
	static List<String> words(String value) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		char quote = 0;
		boolean inWord = false;
		for (char c : value.toCharArray()) {
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
				else {
					word.append(c);
				}
			}
			else if (c == '"' || c == '\'') {
				quote = c;
				inWord = true;
			}
			else if (Character.isWhitespace(c)) {
				if (inWord) {
					words.add(word.toString());
					word.setLength(0);
					inWord = false;
				}
			}
			else {
				word.append(c);
				inWord = true;
			}
		}
		if (quote != 0) {
			throw new AssertionError("unbalanced quote in: " + value);
		}
		if (inWord) {
			words.add(word.toString());
		}
		return words;
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
