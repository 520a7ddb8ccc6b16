package io.stackgate.bench.launch;

import io.stackgate.bench.support.Table;

/**
 * The launch benchmark's results: a row per measure, with its target and whether it was
 * met.
 */
final class LaunchReport {

	private final Table table = new Table();

	private boolean allMet = true;

	/**
	 * A gateway and a direct figure and their ratio; {@code met} is {@code null} when
	 * there is no target.
	 */
	void ratio(String part, String measure, double gateway, double direct, String target, Boolean met) {
		add(part, measure, fmt(gateway), fmt(direct), fmt(gateway / direct), target, met);
	}

	void counts(String part, String measure, String gateway, String direct, String target, boolean met) {
		add(part, measure, gateway, direct, "-", target, met);
	}

	private void add(String part, String measure, String gateway, String direct, String ratio, String target,
			Boolean met) {
		this.table.add(part, measure, gateway, direct, ratio, target, (met == null) ? "info" : met ? "met" : "MISSED");
		this.allMet &= (met == null || met);
	}

	boolean allTargetsMet() {
		return this.allMet;
	}

	void print() {
		this.table.print(System.out);
		System.out.println(this.allMet ? "All targets met." : "Some targets MISSED.");
		System.out.flush();
	}

	private static String fmt(double value) {
		return Table.figure(value, 100);
	}

}
