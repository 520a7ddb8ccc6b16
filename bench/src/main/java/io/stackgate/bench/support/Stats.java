package io.stackgate.bench.support;

import java.util.Arrays;

/** Medians, maxima and nearest-rank percentiles. */
public final class Stats {

	private Stats() {
	}

	/**
	 * @return the median, NaN for no values
	 */
	public static double median(double[] values) {
		if (values.length == 0) {
			return Double.NaN;
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int mid = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	}

	/**
	 * @return the largest value, NaN for no values
	 */
	public static double max(double[] values) {
		return Arrays.stream(values).max().orElse(Double.NaN);
	}

	/**
	 * @return the nearest-rank {@code percentile} of {@code nanos}, in milliseconds; NaN
	 * for no values
	 */
	public static double percentileMillis(long[] nanos, int percentile) {
		if (nanos.length == 0) {
			return Double.NaN;
		}
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return Latencies.rank(sorted, percentile) / 1e6;
	}

	/** Latencies in milliseconds. Percentiles are nearest-rank. */
	public record Latencies(double min, double p50, double p99, double max) {

		public static Latencies of(long[] nanos) {
			long[] sorted = nanos.clone();
			Arrays.sort(sorted);
			return new Latencies(ms(sorted[0]), ms(rank(sorted, 50)), ms(rank(sorted, 99)),
					ms(sorted[sorted.length - 1]));
		}

		private static long rank(long[] sorted, int percentile) {
			int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
			return sorted[Math.max(0, index)];
		}

		private static double ms(long nanos) {
			return nanos / 1e6;
		}

	}

}
