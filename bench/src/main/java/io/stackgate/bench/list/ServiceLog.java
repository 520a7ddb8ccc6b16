package io.stackgate.bench.list;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stackgate.bench.support.BenchFailure;
import io.stackgate.bench.support.Console;

/**
 * The API requests an OpenStack service logged for one project, counted from its log
 * (oslo.log, one line per request, written when it is answered:
 * {@code 2026-12-02 03:00:49.244 PID INFO ... [req-... USER PROJECT ...]
 * 127.0.0.1 "GET /v2.1/servers/detail HTTP/1.1" status: 200 ...}). A window is read from
 * the log's size when it began, and counts the lines of the project answered within it,
 * by kind: the path with ids as {id}, and whether it asked only for changes.
 */
final class ServiceLog {

	private static final Pattern REQUEST = Pattern.compile(
			"^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*\"(GET|POST|PUT|DELETE|PATCH|HEAD) (\\S+) HTTP");

	private static final Pattern ID = Pattern
		.compile("[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	private final Path file;

	private final String projectId;

	ServiceLog(Path file, String projectId) {
		this.file = file;
		this.projectId = projectId;
		if (!Files.isReadable(file)) {
			throw new BenchFailure("cannot read the service log " + file);
		}
	}

	Path file() {
		return this.file;
	}

	/**
	 * @return where the next line will be written
	 */
	long mark() {
		try {
			return Files.size(this.file);
		}
		catch (IOException ex) {
			throw new BenchFailure("cannot read " + this.file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * @return the project's requests answered from {@code from} to {@code to}, by kind,
	 * in the log since {@code mark}
	 */
	Map<String, Long> count(long mark, Instant from, Instant to) {
		Map<String, Long> kinds = new TreeMap<>();
		try (RandomAccessFile log = new RandomAccessFile(this.file.toFile(), "r")) {
			if (log.length() < mark) {
				throw new BenchFailure(this.file + " shrank during the window (rotated?): cannot count");
			}
			log.seek(mark);
			byte[] tail = new byte[(int) (log.length() - mark)];
			log.readFully(tail);
			for (String line : new String(tail, StandardCharsets.UTF_8).split("\n")) {
				Matcher request = REQUEST.matcher(line);
				if (!request.find() || !line.contains(" " + this.projectId + " ")) {
					continue;
				}
				Instant at = answeredAt(request.group(1));
				if (!at.isBefore(from) && !at.isAfter(to)) {
					kinds.merge(kind(request.group(2), request.group(3)), 1L, Long::sum);
				}
			}
		}
		catch (IOException ex) {
			throw new BenchFailure("cannot read " + this.file + ": " + ex.getMessage(), ex);
		}
		return kinds;
	}

	/**
	 * Waits until the log shows none of the project's requests of {@code kind} for
	 * {@code quiet} (requests a window left behind, answered late, would count in the
	 * next one), at most {@code max}.
	 * @return the project's requests logged meanwhile, by kind
	 */
	Map<String, Long> awaitQuiet(String kind, Duration quiet, Duration max) {
		Map<String, Long> logged = new TreeMap<>();
		long deadline = System.nanoTime() + max.toNanos();
		while (true) {
			long mark = mark();
			Instant from = Instant.now();
			Console.sleep(quiet);
			Map<String, Long> kinds = count(mark, from.minus(quiet), Instant.now());
			kinds.forEach((k, n) -> logged.merge(k, n, Long::sum));
			if (!kinds.containsKey(kind) || System.nanoTime() > deadline) {
				return logged;
			}
		}
	}

	private static Instant answeredAt(String time) {
		try {
			return LocalDateTime.parse(time, TIME).atZone(ZoneId.systemDefault()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new BenchFailure("unexpected time in a service log line: " + time, ex);
		}
	}

	/**
	 * @return e.g. {@code GET /v2.1/servers/detail},
	 * {@code GET /v2.0/ports (changes only)}
	 */
	static String kind(String method, String target) {
		int query = target.indexOf('?');
		String path = (query < 0) ? target : target.substring(0, query);
		String params = (query < 0) ? "" : target.substring(query);
		boolean changes = params.contains("changes-since") || params.contains("changed_since")
				|| params.contains("changes-before");
		return method + " " + ID.matcher(path).replaceAll("{id}") + (changes ? " (changes only)" : "");
	}

	static long total(Map<String, Long> kinds) {
		return kinds.values().stream().mapToLong(Long::longValue).sum();
	}

}
