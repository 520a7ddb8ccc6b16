package io.stackgate.bench.list;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.stackgate.bench.support.BenchFailure;
import io.stackgate.bench.support.Stats.Latencies;

import static io.stackgate.bench.support.Console.log;
import static io.stackgate.bench.support.Console.sleep;

/**
 * 3. Polling load: {@code --clients} clients each ask for the whole list every
 * {@code --interval} seconds (their starts spread over one interval; a poll that takes
 * longer delays that client's next one, so a slow side is sent fewer polls than wanted)
 * for {@code --duration} seconds, first through the gateway, then at Nova directly. The
 * Nova requests (and, with {@code --neutron-log}, the Neutron ones) of the project are
 * counted in the services' own logs over each window, so they include whatever the
 * gateway asks in the background; a minute is counted from the window's start to the last
 * poll's answer or {@code --poll-timeout}. A failed poll is counted, not fatal. Nova goes
 * on with polls their clients gave up on; before the next window the bench waits until
 * Nova has answered no whole list for {@code --poll-timeout} (at most 6 minutes) and logs
 * how many requests came in late. The log shows what Nova answered, not what it was sent:
 * when it is saturated, the polls sent (and failed) tell the rest.
 */
final class Polling {

	/** What one side's window gave. */
	record Window(long wanted, long sent, long answered, long failed, Latencies latency, Map<String, Long> nova,
			Map<String, Long> neutron, double seconds, List<String> errors) {

		double novaPerMinute() {
			return ServiceLog.total(this.nova) * 60 / this.seconds;
		}

		double neutronPerMinute() {
			return ServiceLog.total(this.neutron) * 60 / this.seconds;
		}

	}

	/** The first page of a whole list, as both sides ask for it. */
	static final String FULL_LIST = "GET /v2.1/servers/detail";

	private static final Duration LATE_WAIT = Duration.ofMinutes(6);

	private final ListOptions options;

	private final ServiceLog novaLog;

	private final ServiceLog neutronLog;

	Polling(ListOptions options, ServiceLog novaLog, ServiceLog neutronLog) {
		this.options = options;
		this.novaLog = novaLog;
		this.neutronLog = neutronLog;
	}

	Window window(String side, Runnable poll) {
		int clients = this.options.clients;
		long interval = this.options.interval.toNanos();
		log("   %s: %d clients, a whole list every %d s each, for %d s", side, clients,
				this.options.interval.toSeconds(), this.options.duration.toSeconds());
		long novaMark = this.novaLog.mark();
		long neutronMark = (this.neutronLog != null) ? this.neutronLog.mark() : 0;
		AtomicLong sent = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		Map<String, Long> errors = Collections.synchronizedMap(new LinkedHashMap<>());
		Instant from = Instant.now();
		long start = System.nanoTime();
		long end = start + this.options.duration.toNanos();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		for (int c = 0; c < clients; c++) {
			long first = start + interval * c / clients;
			pool.submit(() -> {
				for (long next = first; next < end; next += interval) {
					sleep(Duration.ofNanos(Math.max(0, next - System.nanoTime())));
					sent.incrementAndGet();
					long sentAt = System.nanoTime();
					try {
						poll.run();
						latencies.add(System.nanoTime() - sentAt);
					}
					catch (BenchFailure ex) {
						failed.incrementAndGet();
						errors.merge(shorten(ex.getMessage()), 1L, Long::sum);
					}
					next = Math.max(next, System.nanoTime() - interval);
				}
			});
		}
		pool.shutdown();
		awaitPolls(pool);
		Instant to = Instant.now();
		double seconds = (System.nanoTime() - start) / 1e9;
		Map<String, Long> late = this.novaLog.awaitQuiet(FULL_LIST, this.options.pollTimeout, LATE_WAIT);
		Map<String, Long> nova = this.novaLog.count(novaMark, from, to);
		Map<String, Long> neutron = (this.neutronLog != null) ? this.neutronLog.count(neutronMark, from, to) : Map.of();
		Latencies latency = latencies.isEmpty() ? null
				: Latencies.of(latencies.stream().mapToLong(Long::longValue).toArray());
		long wanted = clients * this.options.duration.toNanos() / interval;
		Window window = new Window(wanted, sent.get(), latencies.size(), failed.get(), latency, nova, neutron, seconds,
				errors.entrySet().stream().map((e) -> e.getValue() + "x " + e.getKey()).toList());
		log("   %s: %d polls wanted, %d sent, %d answered, %d failed; poll p50 %s ms; %.0f s until the last answer; "
				+ "Nova requests %d (%.0f/min): %s", side, window.wanted(), window.sent(), window.answered(),
				window.failed(), (latency != null) ? String.format(Locale.ROOT, "%.0f", latency.p50()) : "n/a", seconds,
				ServiceLog.total(nova), window.novaPerMinute(), nova);
		if (this.neutronLog != null) {
			log("   %s: Neutron requests %d (%.0f/min): %s", side, ServiceLog.total(neutron), window.neutronPerMinute(),
					neutron);
		}
		window.errors().forEach((e) -> log("   %s: failed poll: %s", side, e));
		log("   %s: then, until Nova had answered no whole list for %d s, %d more Nova requests (polls given up on "
				+ "and answered late, and any background polling of the gateway; not counted): %s", side,
				this.options.pollTimeout.toSeconds(), ServiceLog.total(late), late);
		return window;
	}

	/** The last polls may end after the window; they are bounded by the poll timeout. */
	private void awaitPolls(ExecutorService pool) {
		try {
			if (!pool.awaitTermination(this.options.duration.toSeconds() + this.options.pollTimeout.toSeconds() + 10,
					TimeUnit.SECONDS)) {
				pool.shutdownNow();
				throw new BenchFailure("polls still running long after the window and the request timeout");
			}
		}
		catch (InterruptedException ex) {
			pool.shutdownNow();
			Thread.currentThread().interrupt();
			throw new BenchFailure("interrupted", ex);
		}
	}

	private static String shorten(String message) {
		String first = message.lines().findFirst().orElse("");
		return (first.length() > 160) ? first.substring(0, 160) + "..." : first;
	}

}
