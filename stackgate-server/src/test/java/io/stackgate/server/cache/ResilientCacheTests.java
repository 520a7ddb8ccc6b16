package io.stackgate.server.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.CloudException.Kind;
import io.stackgate.server.cloud.OpenStackService;
import io.stackgate.server.cache.ResilientCache.Freshness;
import io.stackgate.server.cache.ResilientCache.Served;
import io.stackgate.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ResilientCacheTests {

	private static final Duration TTL = Duration.ofSeconds(30);

	private static final Duration REVALIDATE = Duration.ofSeconds(20);

	private static final Duration STALE = Duration.ofMinutes(5);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T00:00:00Z"));

	private final List<Runnable> background = new ArrayList<>();

	private final ResilientCache<String, String> cache = new ResilientCache<>(new Freshness(TTL, REVALIDATE, STALE), 10,
			this.background::add, Runnable::run, this.clock);

	private final AtomicInteger loads = new AtomicInteger();

	@Test
	void anEntryPastItsTtlIsServedAtOnceWhileItIsLoadedAgainInTheBackground() {
		get(() -> "v1");
		this.clock.advance(TTL.plus(REVALIDATE).minusSeconds(1));
		Served<String> served = get(() -> "v2");
		assertThat(served.value()).isEqualTo("v1");
		assertThat(served.ageSeconds()).isEqualTo(TTL.plus(REVALIDATE).minusSeconds(1).toSeconds());
		assertThat(this.background).as("the renewal, not run yet").hasSize(1);

		this.background.remove(0).run();
		assertThat(get(() -> "v3").value()).isEqualTo("v2");
	}

	@Test
	void aRefusedRenewalDropsTheEntrySoThatTheNextRequestHearsTheRefusal() {
		get(() -> "v1");
		this.clock.advance(TTL.plusSeconds(1));
		assertThat(get(() -> fail(Kind.FORBIDDEN)).value()).as("served while it is renewed").isEqualTo("v1");
		this.background.remove(0).run();

		assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> get(() -> fail(Kind.FORBIDDEN)))
			.havingCause()
			.isInstanceOfSatisfying(CloudException.class, (ex) -> assertThat(ex.kind()).isEqualTo(Kind.FORBIDDEN));
	}

	/**
	 * A renewal runs with the token of the caller whose hit started it; that token may
	 * expire before the service sees it. The next caller, with a token of its own, is
	 * still served the entry (TokenLifetimeIT: dropped, the entry was loaded again on a
	 * new token's first request, which then waited for the services to validate it).
	 */
	@Test
	void aRenewalWhoseCredentialIsRefusedKeepsTheEntry() {
		get(() -> "v1");
		this.clock.advance(TTL.plusSeconds(1));
		get(() -> fail(Kind.UNAUTHORIZED));
		this.background.remove(0).run();

		Served<String> kept = get(() -> "v2");
		assertThat(kept.value()).isEqualTo("v1");
		assertThat(kept.ageSeconds()).isEqualTo(TTL.plusSeconds(1).toSeconds());
		this.background.remove(0).run();
		assertThat(get(() -> "v3").value()).isEqualTo("v2");
	}

	@Test
	void anAnswerPutIsServedFreshWithoutALoad() {
		this.cache.put("project", "v1");
		assertThat(get(() -> fail(Kind.UNAVAILABLE)).value()).isEqualTo("v1");
		assertThat(this.background).isEmpty();
	}

	/** What a cold launch-options needs: its three lists fetched side by side. */
	@Test
	void loadsCallersWaitForRunOnTheLoadsExecutorSideBySide() throws Exception {
		ExecutorService loads = Executors.newCachedThreadPool();
		try {
			ResilientCache<String, String> cache = new ResilientCache<>(new Freshness(TTL, REVALIDATE, STALE), 10,
					this.background::add, loads, this.clock);
			CountDownLatch bothStarted = new CountDownLatch(2);
			Supplier<String> meetsTheOther = () -> {
				bothStarted.countDown();
				try {
					return bothStarted.await(5, TimeUnit.SECONDS) ? "side by side" : "one after the other";
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			};
			CompletableFuture<Served<String>> flavors = cache.get("flavors", meetsTheOther);
			CompletableFuture<Served<String>> images = cache.get("images", meetsTheOther);
			assertThat(flavors.get(10, TimeUnit.SECONDS).value()).isEqualTo("side by side");
			assertThat(images.get(10, TimeUnit.SECONDS).value()).isEqualTo("side by side");
		}
		finally {
			loads.shutdownNow();
		}
	}

	@Test
	void withoutStaleWhileRevalidateAnEntryPastItsTtlIsWaitedFor() {
		ResilientCache<String, String> validations = new ResilientCache<>(new Freshness(TTL, Duration.ZERO, STALE), 10,
				this.background::add, Runnable::run, this.clock);
		validations.get("token", () -> "v1");
		this.clock.advance(TTL);
		CompletableFuture<Served<String>> revalidated = validations.get("token", () -> "v2");
		assertThat(revalidated).as("loaded on the caller's thread").isDone();
		assertThat(revalidated.join().value()).isEqualTo("v2");
		assertThat(this.background).isEmpty();
	}

	@Test
	void aStaleEntryIsServedWithItsAgeWhileTheServiceIsOutThenA503() {
		assertThat(get(() -> "v1").value()).isEqualTo("v1");
		this.clock.advance(TTL.plus(REVALIDATE).plusSeconds(10));

		Served<String> stale = get(() -> fail(Kind.UNAVAILABLE));
		assertThat(stale.value()).isEqualTo("v1");
		assertThat(stale.stale()).isTrue();
		assertThat(stale.ageSeconds()).isEqualTo(60);
		assertThat(get(() -> fail(Kind.TIMEOUT)).value()).isEqualTo("v1");

		this.clock.advance(STALE);
		assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> get(() -> fail(Kind.UNAVAILABLE)))
			.havingCause()
			.isInstanceOfSatisfying(CloudException.class, (ex) -> assertThat(ex.kind()).isEqualTo(Kind.UNAVAILABLE));
	}

	@Test
	void aRefusalIsNotHiddenByAStaleEntry() {
		get(() -> "v1");
		this.clock.advance(TTL.plus(REVALIDATE));
		assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> get(() -> fail(Kind.FORBIDDEN)))
			.havingCause()
			.isInstanceOfSatisfying(CloudException.class, (ex) -> assertThat(ex.kind()).isEqualTo(Kind.FORBIDDEN));
	}

	@Test
	void anExpiredEntryIsReplacedAsSoonAsTheServiceAnswers() {
		get(() -> "v1");
		this.clock.advance(TTL.plusSeconds(60));
		get(() -> fail(Kind.UNAVAILABLE));
		Served<String> fresh = get(() -> "v2");
		assertThat(fresh.value()).isEqualTo("v2");
		assertThat(fresh.stale()).isFalse();
		assertThat(fresh.ageSeconds()).isZero();
	}

	@Test
	void anEntryUsedNearItsExpiryIsRenewedInTheBackgroundWithoutWaiting() {
		get(() -> "v1");
		this.clock.advance(TTL.multipliedBy(7).dividedBy(10));
		assertThat(get(() -> "v2").value()).isEqualTo("v1");
		assertThat(this.background).isEmpty();

		this.clock.advance(TTL.dividedBy(5));
		assertThat(get(() -> "v2").value()).isEqualTo("v1");
		assertThat(get(() -> "v3").value()).as("one renewal at a time").isEqualTo("v1");
		assertThat(this.background).hasSize(1);
		this.background.remove(0).run();

		Served<String> renewed = get(() -> "v4");
		assertThat(renewed.value()).isEqualTo("v2");
		assertThat(renewed.ageSeconds()).isZero();
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void aFailedRenewalKeepsTheEntry() {
		get(() -> "v1");
		this.clock.advance(TTL.multipliedBy(9).dividedBy(10));
		get(() -> fail(Kind.UNAVAILABLE));
		this.background.remove(0).run();
		assertThat(get(() -> "v2").value()).isEqualTo("v1");
	}

	private Served<String> get(Supplier<String> loader) {
		return this.cache.get("project", () -> {
			this.loads.incrementAndGet();
			return loader.get();
		}).join();
	}

	private static String fail(Kind kind) {
		throw new CloudException(kind, OpenStackService.COMPUTE, "Nova could not be reached", null, null, null);
	}

}
