package io.stackgate.bench.remote;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.stackgate.bench.support.BenchFailure;

/**
 * The remote front's nginx access log: one line per request, written when it is answered,
 * {@code $msec $connection $connection_requests $request_method $uri $status}, e.g.
 * {@code 1796655986.146 86 2 GET /compute/v2.1/servers 200}. {@code $connection} is
 * nginx's serial number of the client connection (the relay opens one to nginx per
 * connection of its own client), so the distinct values are the connections the clients
 * of the front opened.
 */
final class AccessLog {

	/** One request: when it was answered, its connection, and its service. */
	record Line(long millis, String connection, String method, String uri, int status) {

		/** The first segment of the path: identity, compute, image, networking, ... */
		String service() {
			String[] segments = this.uri.split("/", 3);
			return (segments.length > 1 && !segments[1].isEmpty()) ? segments[1] : "/";
		}

	}

	/** A window's requests and the connections first seen in it, by service. */
	record Window(Map<String, Integer> newConnections, Map<String, Integer> requests, int connectionsUsed) {

		int newConnections(String service) {
			return this.newConnections.getOrDefault(service, 0);
		}

		int requests(String service) {
			return this.requests.getOrDefault(service, 0);
		}

	}

	private final Path file;

	AccessLog(Path file) {
		this.file = file;
		if (!Files.isReadable(file)) {
			throw new BenchFailure("cannot read the front's access log " + file + " (devcloud/remote up?)");
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
	 * @return the lines written since {@code mark}; lines in another format are skipped
	 */
	List<Line> since(long mark) {
		List<Line> lines = new ArrayList<>();
		try (RandomAccessFile log = new RandomAccessFile(this.file.toFile(), "r")) {
			if (log.length() < mark) {
				throw new BenchFailure(this.file + " shrank (rotated? nginx restarted?): cannot count");
			}
			log.seek(mark);
			byte[] tail = new byte[(int) (log.length() - mark)];
			log.readFully(tail);
			for (String text : new String(tail, StandardCharsets.UTF_8).split("\n")) {
				String[] f = text.trim().split(" ");
				if (f.length == 6 && f[0].matches("\\d+\\.\\d{3}") && f[5].matches("\\d{3}")) {
					long millis = Long.parseLong(f[0].replace(".", ""));
					lines.add(new Line(millis, f[1], f[3], f[4], Integer.parseInt(f[5])));
				}
			}
		}
		catch (IOException ex) {
			throw new BenchFailure("cannot read " + this.file + ": " + ex.getMessage(), ex);
		}
		return lines;
	}

	/**
	 * @param lines the log since before any connection of interest was opened
	 * @return the requests answered from {@code fromMillis} to {@code toMillis}, and the
	 * connections whose first request in {@code lines} is among them, each counted for
	 * the service of that first request
	 */
	static Window window(List<Line> lines, long fromMillis, long toMillis) {
		Set<String> seen = new HashSet<>();
		Set<String> used = new HashSet<>();
		Map<String, Integer> opened = new TreeMap<>();
		Map<String, Integer> requests = new TreeMap<>();
		for (Line line : lines) {
			boolean first = seen.add(line.connection());
			if (line.millis() < fromMillis || line.millis() > toMillis) {
				continue;
			}
			used.add(line.connection());
			requests.merge(line.service(), 1, Integer::sum);
			if (first) {
				opened.merge(line.service(), 1, Integer::sum);
			}
		}
		return new Window(opened, requests, used.size());
	}

}
