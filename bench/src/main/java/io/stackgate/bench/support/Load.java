package io.stackgate.bench.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import static io.stackgate.bench.support.Console.log;

/**
 * Load generation: client threads that repeat an operation for a time, or share a number
 * of them.
 */
public final class Load {

	private Load() {
	}

	public record Result(long operations, long nanos) {

		public double perSecond() {
			return this.operations * 1e9 / this.nanos;
		}

	}

	/**
	 * {@code clients} threads each repeat {@code operation} back to back for
	 * {@code duration}. Operations that end after it are waited for (a failure still
	 * fails the run) but not counted.
	 */
	public static Result closedLoop(int clients, Duration duration, Runnable operation) {
		if (duration.isZero()) {
			return new Result(0, 1);
		}
		AtomicLong operations = new AtomicLong();
		long deadline = System.nanoTime() + duration.toNanos();
		onThreads(clients, (client) -> {
			while (System.nanoTime() < deadline) {
				operation.run();
				if (System.nanoTime() <= deadline) {
					operations.incrementAndGet();
				}
			}
		});
		long drain = System.nanoTime() - deadline;
		if (drain > 2_000_000_000L) {
			log("   (the last operations ended %.1f s after the %d s window)", drain / 1e9, duration.toSeconds());
		}
		return new Result(operations.get(), duration.toNanos());
	}

	/**
	 * {@code clients} threads share {@code count} operations; each gets its operation's
	 * index.
	 */
	public static void fixedCount(int clients, int count, IntConsumer operation) {
		AtomicLong next = new AtomicLong();
		onThreads(clients, (client) -> {
			for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
				operation.accept((int) i);
			}
		});
	}

	/**
	 * Runs {@code body} on {@code clients} threads; the first failure stops the others
	 * and is thrown.
	 */
	private static void onThreads(int clients, IntConsumer body) {
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				int client = c;
				running.add(pool.submit(() -> body.accept(client)));
			}
			for (Future<?> future : running) {
				future.get();
			}
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof CompletionException && cause.getCause() != null) {
				cause = cause.getCause();
			}
			throw (cause instanceof BenchFailure failure) ? failure : new BenchFailure(cause.toString(), cause);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchFailure("interrupted", ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
