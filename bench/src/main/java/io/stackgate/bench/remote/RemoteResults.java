package io.stackgate.bench.remote;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stackgate.bench.support.BenchFailure;
import io.stackgate.bench.support.Json;
import io.stackgate.bench.support.Table;
import tools.jackson.core.JacksonException;

/**
 * One gateway's results: the figures by name, the facts of the run and the sections that
 * failed; its table (a row per measure, with the target and whether it was met), and as
 * JSON for {@link Comparison}.
 */
final class RemoteResults {

	/** The services of the front, by the first segment of their path. */
	static final List<String> SERVICES = List.of("identity", "compute", "networking", "image");

	static final double GET_RATIO_TARGET = 1.2;

	static final int NEW_CONNECTIONS_TARGET = 2;

	/** What is saved and read back. */
	record Saved(String label, Map<String, String> facts, Map<String, Double> figures, List<String> failures) {
	}

	private final String label;

	private final Map<String, String> facts;

	private final Map<String, Double> figures;

	private final List<String> failures;

	RemoteResults(String label) {
		this(new Saved(label, new LinkedHashMap<>(), new LinkedHashMap<>(), new ArrayList<>()));
	}

	private RemoteResults(Saved saved) {
		this.label = saved.label();
		this.facts = new LinkedHashMap<>(saved.facts());
		this.figures = new LinkedHashMap<>(saved.figures());
		this.failures = new ArrayList<>(saved.failures());
	}

	String label() {
		return this.label;
	}

	void fact(String name, String value) {
		this.facts.put(name, value);
	}

	/** A figure; NaN and infinity are not kept (JSON has no such numbers). */
	void figure(String name, double value) {
		if (Double.isFinite(value)) {
			this.figures.put(name, value);
		}
	}

	/**
	 * @return the figure, NaN when it was not measured
	 */
	double get(String name) {
		return this.figures.getOrDefault(name, Double.NaN);
	}

	void failed(String section, String name, String message) {
		this.failures.add(section + ". " + name + ": " + message);
	}

	boolean hasFailures() {
		return !this.failures.isEmpty();
	}

	/** Whether the targets measured were met (a section that failed met none). */
	boolean allTargetsMet() {
		boolean met = get("1.gateway.p50") / get("1.direct.p50") <= GET_RATIO_TARGET;
		for (String service : SERVICES) {
			met &= get("4.new." + service) <= NEW_CONNECTIONS_TARGET;
		}
		return met;
	}

	/** This gateway's table. */
	Table table() {
		Table table = new Table();
		String n = whole(get("1.requests"));
		double g50 = get("1.gateway.p50");
		double d50 = get("1.direct.p50");
		table.add("1", "GET a server, p50 of " + n + " interleaved (ms)", fmt(g50), fmt(d50), fmt(g50 / d50),
				"<= " + GET_RATIO_TARGET, result(g50 / d50, GET_RATIO_TARGET));
		double g90 = get("1.gateway.p90");
		double d90 = get("1.direct.p90");
		table.add("1", "GET a server, p90 (ms)", fmt(g90), fmt(d90), fmt(g90 / d90), "-", info(g90));
		double gl = get("2.gateway.median");
		double dl = get("2.direct.median");
		table.add("2", "launch to ACTIVE, median of " + whole(get("2.launches")) + " (s; gateway wait=true, direct "
				+ "polls every 0.5 s)", fmt(gl), fmt(dl), fmt(gl / dl), "-", info(gl));
		table.add("3", "launch-options, first call after ready (ms)", fmt(get("3.cold")), "-", "-", "-",
				info(get("3.cold")));
		table.add("3", "launch-options, second call (ms)", fmt(get("3.second")), "-", "-", "-", info(get("3.second")));
		String window = whole(get("4.window.from")) + "-" + whole(get("4.window.to")) + " s";
		for (String service : SERVICES) {
			double opened = get("4.new." + service);
			table.add("4", service + ": new connections (requests) " + window + " after the view started",
					whole(opened) + " (" + whole(get("4.requests." + service)) + ")", "-", "-",
					"<= " + NEW_CONNECTIONS_TARGET, result(opened, NEW_CONNECTIONS_TARGET));
		}
		return table;
	}

	void print(PrintStream out) {
		out.println(this.label + ":");
		this.facts.forEach((name, value) -> out.println("  " + name + ": " + value));
		table().print(out);
		this.failures.forEach((f) -> out.println("FAILED " + f));
		out.println(hasFailures() ? "Some sections FAILED."
				: allTargetsMet() ? "All targets met." : "Some targets MISSED.");
		out.flush();
	}

	void write(Path file) {
		try {
			Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter()
				.writeValueAsString(new Saved(this.label, this.facts, this.figures, this.failures)));
		}
		catch (IOException ex) {
			throw new BenchFailure("cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

	static RemoteResults read(Path file) {
		try {
			return new RemoteResults(Json.MAPPER.readValue(Files.readString(file), Saved.class));
		}
		catch (IOException | JacksonException ex) {
			throw new BenchFailure("cannot read the results in " + file + ": " + ex.getMessage(), ex);
		}
	}

	static String fmt(double value) {
		return Table.figure(value, 100);
	}

	static String whole(double value) {
		return Double.isFinite(value) ? String.valueOf(Math.round(value)) : "n/a";
	}

	private static String result(double value, double target) {
		return Double.isNaN(value) ? "n/a" : (value <= target) ? "met" : "MISSED";
	}

	private static String info(double value) {
		return Double.isNaN(value) ? "n/a" : "info";
	}

}
