package io.stackgate.testing.hostile;

import java.util.List;
import java.util.Random;

/**
 * The seeded choices of one generator. Every family of mutations draws from this one
 * sequence, so that the same seed gives the same requests.
 */
final class Choices {

	private final Random random;

	Choices(long seed) {
		this.random = new Random(seed);
	}

	<T> T pick(List<T> items) {
		return items.get(this.random.nextInt(items.size()));
	}

	int nextInt(int bound) {
		return this.random.nextInt(bound);
	}

	boolean nextBoolean() {
		return this.random.nextBoolean();
	}

}
