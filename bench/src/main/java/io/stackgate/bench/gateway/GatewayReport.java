package io.stackgate.bench.gateway;

import java.io.PrintStream;
import java.util.Locale;

import io.stackgate.bench.support.Table;

/**
 * The gateway benchmark's results: a row per measure, with its target and whether it was
 * met.
 */
final class GatewayReport {

	private final Table table = new Table();

	private boolean allMet = true;

	private boolean failures;

	void ratio(String section, String measure, double gateway, double direct, String target, boolean met) {
		this.table.add(section, measure, fmt(gateway), fmt(direct), fmt(gateway / direct), target, verdict(met));
		this.allMet &= met;
	}

	void single(String section, String measure, double value, String format, String target, boolean met) {
		this.table.add(section, measure, String.format(Locale.ROOT, format, value), "-", "-", target, verdict(met));
		this.allMet &= met;
	}

	void note(String section, String measure, String value) {
		this.table.add(section, measure, value, "-", "-", "-", "info");
	}

	void failed(String section, String measure, String reason) {
		String shortReason = (reason.length() > 60) ? reason.substring(0, 60) + "..." : reason;
		this.table.add(section, measure, "FAILED: " + shortReason, "-", "-", "-", "FAILED");
		this.failures = true;
	}

	boolean allTargetsMet() {
		return this.allMet;
	}

	boolean hasFailures() {
		return this.failures;
	}

	void print(PrintStream out) {
		this.table.print(out);
		out.println(this.failures ? "Requests FAILED: see the log above; the figures are incomplete."
				: this.allMet ? "All targets met." : "Some targets MISSED.");
		out.flush();
	}

	private static String verdict(boolean met) {
		return met ? "met" : "MISSED";
	}

	private static String fmt(double value) {
		return Table.figure(value, 1000);
	}

}
