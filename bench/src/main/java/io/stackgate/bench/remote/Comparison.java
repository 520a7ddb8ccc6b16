package io.stackgate.bench.remote;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import io.stackgate.bench.support.Table;

import static io.stackgate.bench.remote.RemoteResults.fmt;

/**
 * The gateways side by side: a row per figure, a column per gateway, and the first
 * gateway's figure divided by each other's (old/new when the old jar is given first).
 */
final class Comparison {

	/** A figure, and whether it is a count (shown without decimals). */
	private record Row(String section, String measure, String target, ToDoubleFunction<RemoteResults> figure,
			boolean count) {

		Row(String section, String measure, String target, ToDoubleFunction<RemoteResults> figure) {
			this(section, measure, target, figure, false);
		}

		String cell(RemoteResults run) {
			double value = this.figure.applyAsDouble(run);
			return this.count ? RemoteResults.whole(value) : fmt(value);
		}

	}

	private Comparison() {
	}

	static void print(List<RemoteResults> runs, PrintStream out) {
		List<String> header = new ArrayList<>(List.of("#", "measure", "target"));
		runs.forEach((run) -> header.add(run.label()));
		for (RemoteResults run : runs.subList(1, runs.size())) {
			header.add(runs.get(0).label() + " / " + run.label());
		}
		Table table = new Table(header.toArray(String[]::new));
		for (Row row : rows()) {
			List<String> cells = new ArrayList<>(List.of(row.section(), row.measure(), row.target()));
			double first = row.figure().applyAsDouble(runs.get(0));
			runs.forEach((run) -> cells.add(row.cell(run)));
			for (RemoteResults run : runs.subList(1, runs.size())) {
				double other = row.figure().applyAsDouble(run);
				cells.add((other == 0) ? "-" : fmt(first / other));
			}
			table.row(cells.toArray(String[]::new));
		}
		table.print(out);
		out.flush();
	}

	private static List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("1", "GET a server through the gateway, p50 (ms)", "-", (r) -> r.get("1.gateway.p50")));
		rows.add(new Row("1", "GET a server directly (kept HTTPS connection), p50 (ms)", "-",
				(r) -> r.get("1.direct.p50")));
		rows.add(new Row("1", "p50 gateway / direct", "<= " + RemoteResults.GET_RATIO_TARGET,
				(r) -> r.get("1.gateway.p50") / r.get("1.direct.p50")));
		rows.add(new Row("1", "GET a server through the gateway, p90 (ms)", "-", (r) -> r.get("1.gateway.p90")));
		rows.add(new Row("2", "launch to ACTIVE through the gateway (wait=true), median (s)", "-",
				(r) -> r.get("2.gateway.median")));
		rows.add(new Row("2", "launch to ACTIVE directly (poll 0.5 s), median (s)", "-",
				(r) -> r.get("2.direct.median")));
		rows.add(new Row("3", "launch-options, first call after ready (ms)", "-", (r) -> r.get("3.cold")));
		for (String service : RemoteResults.SERVICES) {
			rows.add(new Row("4", service + ": new connections in the window",
					"<= " + RemoteResults.NEW_CONNECTIONS_TARGET, (r) -> r.get("4.new." + service), true));
		}
		for (String service : RemoteResults.SERVICES) {
			rows.add(new Row("4", service + ": requests in the window", "-", (r) -> r.get("4.requests." + service),
					true));
		}
		return rows;
	}

}
