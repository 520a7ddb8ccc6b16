package io.stackgate.bench.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.stackgate.bench.support.Console;
import io.stackgate.bench.support.Stats;

/**
 * Samples the 1-minute load average every 5 s: other work on the machine moves every
 * figure.
 */
final class LoadSampler {

	private final List<Double> samples = new ArrayList<>();

	private Thread thread;

	void start() {
		this.thread = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				String now = Console.loadAverage();
				if (!now.equals("n/a")) {
					synchronized (this.samples) {
						this.samples.add(Double.parseDouble(now.split(" ")[0]));
					}
				}
				try {
					Thread.sleep(5000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "load-sampler");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	void stop() {
		this.thread.interrupt();
	}

	String summary() {
		synchronized (this.samples) {
			if (this.samples.isEmpty()) {
				return "n/a";
			}
			double[] v = this.samples.stream().mapToDouble(Double::doubleValue).toArray();
			return String.format(Locale.ROOT, "min %.2f, median %.2f, max %.2f (%d samples)",
					java.util.Arrays.stream(v).min().getAsDouble(), Stats.median(v), Stats.max(v), v.length);
		}
	}

}
