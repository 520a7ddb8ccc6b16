package io.stackgate.bench.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.stackgate.bench.launch.Launcher.Launch;
import io.stackgate.bench.launch.NovaSide.Server;
import io.stackgate.bench.support.BenchFailure;
import io.stackgate.bench.support.Console;

import static io.stackgate.bench.support.Console.log;
import static io.stackgate.bench.support.Stats.max;
import static io.stackgate.bench.support.Stats.median;

/** The two measured parts of the launch benchmark; each adds its rows to the report. */
final class Parts {

	private final LaunchOptions options;

	private final String prefix;

	private final GatewaySide gateway;

	private final NovaSide nova;

	private final Launcher launcher;

	private final Cleanup cleanup;

	private final LaunchReport report;

	Parts(LaunchOptions options, String prefix, GatewaySide gateway, NovaSide nova, Launcher launcher, Cleanup cleanup,
			LaunchReport report) {
		this.options = options;
		this.prefix = prefix;
		this.gateway = gateway;
		this.nova = nova;
		this.launcher = launcher;
		this.cleanup = cleanup;
		this.report = report;
	}

	/**
	 * 1. One launch at a time, gateway and direct interleaved; the side that goes first
	 * alternates.
	 */
	void oneAtATime() {
		int warmup = this.options.warmup;
		log("1. one launch at a time: %d warm-up + %d measured launches per side, interleaved, polling every %s s on "
				+ "both sides", warmup, this.options.rounds, seconds());
		for (int w = 1; w <= warmup; w++) {
			Launch gw = this.launcher.launch(this.gateway, this.prefix + "gw-warmup-" + w).orThrow();
			Launch os = this.launcher.launch(this.nova, this.prefix + "os-warmup-" + w).orThrow();
			log("   warm-up %d (not counted): gateway %.2f s to ACTIVE (POST %.0f ms), direct %.2f s (POST %.0f ms)", w,
					gw.activeSeconds(), gw.postMillis(), os.activeSeconds(), os.postMillis());
		}
		if (warmup > 0) {
			this.cleanup.removeAll("after the warm-up");
		}
		int rounds = this.options.rounds;
		double[] gwActive = new double[rounds];
		double[] osActive = new double[rounds];
		double[] gwPost = new double[rounds];
		double[] osPost = new double[rounds];
		for (int r = 0; r < rounds; r++) {
			boolean gatewayFirst = (r % 2 == 0);
			Side first = gatewayFirst ? this.gateway : this.nova;
			Side second = gatewayFirst ? this.nova : this.gateway;
			Launch one = this.launcher.launch(first, name(first, r)).orThrow();
			Launch two = this.launcher.launch(second, name(second, r)).orThrow();
			Launch gw = gatewayFirst ? one : two;
			Launch os = gatewayFirst ? two : one;
			gwActive[r] = gw.activeSeconds();
			osActive[r] = os.activeSeconds();
			gwPost[r] = gw.postMillis();
			osPost[r] = os.postMillis();
			log("   round %d (%s first): gateway %.2f s to ACTIVE (POST %.0f ms), direct %.2f s (POST %.0f ms); load %s",
					r + 1, gatewayFirst ? "gateway" : "direct", gw.activeSeconds(), gw.postMillis(), os.activeSeconds(),
					os.postMillis(), Console.loadAverage());
		}
		double gw = median(gwActive);
		double os = median(osActive);
		this.report.ratio("1", "launch to ACTIVE, median of " + rounds + " (s, poll " + seconds() + " s)", gw, os,
				"<= 1.05", gw / os <= 1.05);
		this.report.ratio("1", "POST answered, median (ms)", median(gwPost), median(osPost), "-", null);
	}

	private String name(Side side, int round) {
		return this.prefix + ((side == this.gateway) ? "gw-" : "os-") + (round + 1);
	}

	private String seconds() {
		return String.format(Locale.ROOT, "%.3g", this.options.poll.toMillis() / 1000.0);
	}

	/**
	 * 2. Many launches at once. @return whether all reached ACTIVE and Nova holds one
	 * server per launch, both sides
	 */
	boolean concurrent() {
		int n = this.options.concurrent;
		if (n == 0) {
			return true;
		}
		log("2. %d concurrent launches (one client thread per server), gateway then direct", n);
		Batch gw = batch(this.gateway, this.prefix + "gw" + n + "-");
		this.cleanup.removeAll("after the gateway batch");
		Batch os = batch(this.nova, this.prefix + "os" + n + "-");
		String what = n + " concurrent";
		this.report.ratio("2", what + ": wall time until all ACTIVE (s)", gw.wallSeconds, os.wallSeconds, "-", null);
		this.report.ratio("2", what + ": per server to ACTIVE, median (s)", gw.medianSeconds, os.medianSeconds, "-",
				null);
		this.report.ratio("2", what + ": per server to ACTIVE, slowest (s)", gw.slowestSeconds, os.slowestSeconds, "-",
				null);
		this.report.counts("2", what + ": reached ACTIVE", gw.active + "/" + n, os.active + "/" + n, "all",
				gw.active == n && os.active == n);
		this.report.counts("2", what + ": in Nova with the batch's prefix", String.valueOf(gw.inNova),
				String.valueOf(os.inNova), "exactly " + n, gw.inNova == n && os.inNova == n);
		return gw.ok(n) && os.ok(n);
	}

	record Batch(double wallSeconds, double medianSeconds, double slowestSeconds, int active, int inNova,
			boolean sameIds) {

		boolean ok(int n) {
			return this.active == n && this.inNova == n && this.sameIds;
		}

	}

	private Batch batch(Side side, String batchPrefix) {
		AtOnce atOnce = launchAtOnce(side, batchPrefix, this.options.concurrent);
		List<Launch> launches = atOnce.launches();
		double wall = atOnce.wallSeconds();
		launches.stream().filter((l) -> l.error() != null).forEach((l) -> log("   FAILED %s: %s", l.name(), l.error()));
		double[] times = launches.stream()
			.filter((l) -> l.error() == null)
			.mapToDouble(Launch::activeSeconds)
			.toArray();

		// The duplicates check: Nova must hold exactly one server per launch, the one its
		// client was given.
		Set<String> given = launches.stream().map(Launch::id).filter((id) -> id != null).collect(Collectors.toSet());
		List<Server> inNova = this.nova.list(batchPrefix);
		Set<String> found = inNova.stream().map(Server::id).collect(Collectors.toSet());
		boolean sameIds = found.equals(given)
				&& given.size() == launches.stream().filter((l) -> l.id() != null).count();
		log("   %s: %d/%d ACTIVE, all within %.1f s (median %.1f s, slowest %.1f s); Nova lists %d server(s) named %s*%s; load %s",
				side.label(), times.length, this.options.concurrent, wall, median(times), max(times), inNova.size(),
				batchPrefix, sameIds ? ", the ones the clients were given"
						: ", NOT the ones the clients were given: " + describe(inNova, given),
				Console.loadAverage());
		return new Batch(wall, median(times), max(times), times.length, inNova.size(), sameIds);
	}

	/**
	 * The launches of a batch, and the wall time from their release until the last one
	 * ended.
	 */
	private record AtOnce(List<Launch> launches, double wallSeconds) {
	}

	/** One client thread per server, all released at once. */
	private AtOnce launchAtOnce(Side side, String batchPrefix, int n) {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Launch>> running = new ArrayList<>();
		for (int i = 1; i <= n; i++) {
			String name = batchPrefix + String.format(Locale.ROOT, "%02d", i);
			running.add(pool.submit(() -> {
				go.await();
				return this.launcher.launch(side, name);
			}));
		}
		long start = System.nanoTime();
		go.countDown();
		List<Launch> launches = new ArrayList<>();
		try {
			for (Future<Launch> future : running) {
				launches.add(future.get());
			}
			return new AtOnce(launches, (System.nanoTime() - start) / 1e9);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchFailure("interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new BenchFailure(ex.getCause().toString(), ex.getCause()); // launch()
																				// catches
																				// its own
																				// failures
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static String describe(List<Server> inNova, Set<String> given) {
		return inNova.stream()
			.map((s) -> s.name() + "=" + s.id() + (given.contains(s.id()) ? "" : " (unknown)"))
			.collect(Collectors.joining(", ")) + "; clients were given " + given;
	}

}
