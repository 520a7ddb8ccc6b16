package io.stackgate.bench.launch;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import io.stackgate.bench.support.BenchFailure;

import static io.stackgate.bench.support.Console.sleep;

/**
 * One launch on one side: POST, then sleep the poll interval and GET, until the server is
 * ACTIVE.
 */
final class Launcher {

	/**
	 * The result of one launch, timed from just before the POST: the POST's answer, and
	 * the GET that first showed ACTIVE. {@code error} is set when it failed.
	 */
	record Launch(String name, String id, double postMillis, double activeSeconds, String error) {

		Launch orThrow() {
			if (this.error != null) {
				throw new BenchFailure("launch of " + this.name + " failed: " + this.error);
			}
			return this;
		}

	}

	private final Duration poll;

	private final Duration timeout;

	private final BooleanSupplier stopping;

	Launcher(Duration poll, Duration timeout, BooleanSupplier stopping) {
		this.poll = poll;
		this.timeout = timeout;
		this.stopping = stopping;
	}

	/** Never throws: see {@code error}. */
	Launch launch(Side side, String name) {
		String id = null;
		double postMillis = Double.NaN;
		long start = System.nanoTime();
		try {
			if (this.stopping.getAsBoolean()) {
				return new Launch(name, null, postMillis, Double.NaN, "stopped before it was launched");
			}
			id = side.create(name);
			postMillis = (System.nanoTime() - start) / 1e6;
			long deadline = start + this.timeout.toNanos();
			while (true) {
				sleep(this.poll);
				Side.State state = side.state(id);
				if (state.status().equals("ACTIVE")) {
					return new Launch(name, id, postMillis, (System.nanoTime() - start) / 1e9, null);
				}
				if (state.status().equals("ERROR")) {
					return new Launch(name, id, postMillis, Double.NaN,
							side.label() + " server " + id + " went to ERROR: " + state.fault());
				}
				boolean stopped = this.stopping.getAsBoolean();
				if (System.nanoTime() > deadline || stopped) {
					return new Launch(name, id, postMillis, Double.NaN,
							side.label() + " server " + id + " still " + state.status()
									+ (stopped ? " when the bench was stopped"
											: " after " + this.timeout.toSeconds() + " s (--launch-timeout)"));
				}
			}
		}
		catch (BenchFailure ex) {
			return new Launch(name, id, postMillis, Double.NaN, ex.getMessage());
		}
	}

}
