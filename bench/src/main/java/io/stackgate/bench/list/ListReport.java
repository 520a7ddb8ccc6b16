package io.stackgate.bench.list;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stackgate.bench.support.BenchFailure;
import io.stackgate.bench.support.Json;
import io.stackgate.bench.support.Table;

/**
 * The server-list benchmark's results: the table (a row per measure, with its target and
 * whether it was met), the figures behind it by name, and the facts of the run (machine,
 * project, mix of servers), printed and written as JSON and Markdown.
 */
final class ListReport {

	private final Table table = new Table();

	private final Map<String, Object> facts = new LinkedHashMap<>();

	private final Map<String, Object> figures = new LinkedHashMap<>();

	private final List<String> failures = new ArrayList<>();

	private boolean allMet = true;

	void fact(String name, Object value) {
		this.facts.put(name, value);
	}

	void figure(String name, Object value) {
		this.figures.put(name, value);
	}

	/**
	 * A gateway and a direct figure and their ratio; {@code target} {@code null} for
	 * none.
	 */
	void ratio(String section, String measure, double gateway, double direct, String target, Boolean met) {
		add(section, measure, fmt(gateway), fmt(direct), fmt(gateway / direct), target, met);
	}

	void single(String section, String measure, double value, String target, Boolean met) {
		add(section, measure, fmt(value), "-", "-", target, met);
	}

	void note(String section, String measure, String gateway, String direct) {
		add(section, measure, gateway, direct, "-", null, null);
	}

	void failed(String section, String name, String message) {
		this.table.add(section, name, "-", "-", "-", "-", "FAILED");
		this.failures.add(section + ". " + name + ": " + message);
	}

	private void add(String section, String measure, String gateway, String direct, String ratio, String target,
			Boolean met) {
		this.table.add(section, measure, gateway, direct, ratio, (target != null) ? target : "-",
				(met == null) ? "info" : met ? "met" : "MISSED");
		this.allMet &= (met == null || met);
	}

	boolean hasFailures() {
		return !this.failures.isEmpty();
	}

	boolean allTargetsMet() {
		return this.allMet;
	}

	void print(PrintStream out) {
		this.table.print(out);
		this.failures.forEach((f) -> out.println("FAILED " + f));
		out.println(
				hasFailures() ? "Some sections FAILED." : this.allMet ? "All targets met." : "Some targets MISSED.");
		out.flush();
	}

	/** Writes {@code prefix.json} and {@code prefix.md}. */
	void write(Path prefix) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("facts", this.facts);
		json.put("figures", this.figures);
		json.put("table", this.table.rows());
		json.put("failures", this.failures);
		json.put("allTargetsMet", this.allMet && !hasFailures());
		ByteArrayOutputStream markdown = new ByteArrayOutputStream();
		try (PrintStream out = new PrintStream(markdown, true, StandardCharsets.UTF_8)) {
			out.println("# bench/list");
			out.println();
			this.facts.forEach((name, value) -> out.println("- " + name + ": " + value));
			print(out);
		}
		Path jsonFile = Path.of(prefix + ".json");
		Path markdownFile = Path.of(prefix + ".md");
		try {
			if (jsonFile.getParent() != null) {
				Files.createDirectories(jsonFile.getParent());
			}
			Files.writeString(jsonFile, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
			Files.write(markdownFile, markdown.toByteArray());
		}
		catch (IOException ex) {
			throw new BenchFailure("cannot write the report to " + prefix + ".{json,md}: " + ex.getMessage(), ex);
		}
		System.out.println("report written to " + jsonFile + " and " + markdownFile);
	}

	private static String fmt(double value) {
		return Table.figure(value, 100);
	}

}
