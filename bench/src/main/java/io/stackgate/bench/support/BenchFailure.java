package io.stackgate.bench.support;

/** A request failed or the set-up is not what the benchmark needs. */
public final class BenchFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public BenchFailure(String message) {
		super(message);
	}

	public BenchFailure(String message, Throwable cause) {
		super(message, cause);
	}

}
