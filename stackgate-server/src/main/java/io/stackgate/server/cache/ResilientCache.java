package io.stackgate.server.cache;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.stackgate.server.cloud.CloudException;

/**
 * A cache of answers from OpenStack that is renewed ahead and outlives slowdowns and
 * outages:
 * <ul>
 * <li>an entry is fresh for {@code ttl}; once {@link #REFRESH_AHEAD} of it has passed, a
 * hit renews it in the background, so that no request waits for a refresh while the entry
 * is being used;</li>
 * <li>for {@code staleWhileRevalidate} past its TTL, an entry is still served at once,
 * with its age, while it is loaded again in the background (RFC 5861
 * stale-while-revalidate); a renewal that is refused (rather than failing because the
 * service is out) drops the entry, so that the next request hears the refusal, unless
 * what was refused is only the credential the renewal was made with (a caller's token
 * that expired meanwhile: {@code UNAUTHORIZED}), which says nothing about the entry;</li>
 * <li>older, it is loaded again while the caller waits; if that fails because the service
 * is out (a {@link CloudException} of kind {@code UNAVAILABLE} or {@code TIMEOUT}, or a
 * 5xx), the old entry is served for up to {@code staleIfError} past its TTL (RFC 5861
 * stale-if-error), marked with its age;</li>
 * <li>concurrent misses share one load; a failed load is not cached.</li>
 * </ul>
 * Loads a caller waits for run on the {@code loads} executor: threads of their own, so
 * that a caller that needs several answers has them fetched side by side, or the caller's
 * own thread (a direct executor) when it waits for nothing else. Background renewals run
 * on the {@code renewals} executor.
 *
 * @param <K> the key
 * @param <V> the cached answer
 */
public final class ResilientCache<K, V> {

	/** The part of the TTL after which a hit renews the entry in the background. */
	public static final double REFRESH_AHEAD = 0.8;

	private final Cache<K, Entry<V>> entries;

	private final ConcurrentMap<K, CompletableFuture<Entry<V>>> inFlight = new ConcurrentHashMap<>();

	private final long ttlMillis;

	private final long revalidateMillis;

	private final long staleMillis;

	private final Executor renewals;

	private final Executor loads;

	private final Clock clock;

	/**
	 * @param freshness how long entries are served
	 * @param maxSize how many entries are kept at most
	 * @param renewals runs background renewals
	 * @param loads runs the loads callers wait for
	 * @param clock the time
	 */
	public ResilientCache(Freshness freshness, long maxSize, Executor renewals, Executor loads, Clock clock) {
		this.ttlMillis = freshness.ttl().toMillis();
		this.revalidateMillis = freshness.staleWhileRevalidate().toMillis();
		this.staleMillis = freshness.staleIfError().toMillis();
		this.renewals = renewals;
		this.loads = loads;
		this.clock = clock;
		this.entries = Caffeine.newBuilder()
			.expireAfterWrite(Duration.ofMillis(this.ttlMillis + Math.max(this.revalidateMillis, this.staleMillis)))
			.ticker(() -> clock.millis() * 1_000_000L)
			.maximumSize(maxSize)
			.recordStats()
			.build();
	}

	/**
	 * @return the underlying Caffeine cache, for its metrics
	 */
	public Cache<K, ?> caffeine() {
		return this.entries;
	}

	/**
	 * @param key the key
	 * @param loader asks OpenStack; it may throw a {@link CloudException}
	 * @return the answer, cached, fresh or served stale
	 */
	public CompletableFuture<Served<V>> get(K key, Supplier<V> loader) {
		Entry<V> entry = this.entries.getIfPresent(key);
		long age = (entry != null) ? this.clock.millis() - entry.loadedAt() : Long.MAX_VALUE;
		if (age < this.ttlMillis + this.revalidateMillis) {
			if (age >= this.ttlMillis * REFRESH_AHEAD) {
				load(key, loader, false);
			}
			return CompletableFuture.completedFuture(served(entry));
		}
		if (age >= this.ttlMillis + this.staleMillis) {
			return load(key, loader, true).thenApply(this::served);
		}
		return load(key, loader, true).handle((fresh, ex) -> {
			if (ex == null) {
				return served(fresh);
			}
			Served<V> stale = served(entry);
			if (isOutage(ex) && stale.age().toMillis() < this.ttlMillis + this.staleMillis) {
				return new Served<>(stale.value(), stale.age(), true);
			}
			throw (ex instanceof CompletionException completion) ? completion : new CompletionException(ex);
		});
	}

	/**
	 * Caches an answer had without asking through this cache, as fresh as if it had just
	 * been loaded.
	 */
	public void put(K key, V value) {
		this.entries.put(key, new Entry<>(value, this.clock.millis()));
	}

	/** Forgets the entry of a key: the next get loads it again. */
	public void invalidate(K key) {
		this.entries.invalidate(key);
	}

	private Served<V> served(Entry<V> entry) {
		return new Served<>(entry.value(), Duration.ofMillis(Math.max(0, this.clock.millis() - entry.loadedAt())),
				false);
	}

	/**
	 * One load per key at a time, for a caller that waits for it or in the background.
	 */
	private CompletableFuture<Entry<V>> load(K key, Supplier<V> loader, boolean waited) {
		CompletableFuture<Entry<V>> mine = new CompletableFuture<>();
		CompletableFuture<Entry<V>> running = this.inFlight.putIfAbsent(key, mine);
		if (running != null) {
			return running;
		}
		Runnable run = () -> {
			try {
				Entry<V> entry = new Entry<>(loader.get(), this.clock.millis());
				this.entries.put(key, entry);
				this.inFlight.remove(key, mine);
				mine.complete(entry);
			}
			catch (RuntimeException ex) {
				// A refusal is never hidden by the entry the load was to renew.
				if (!isOutage(ex) && !isRefusedCredential(ex)) {
					this.entries.invalidate(key);
				}
				this.inFlight.remove(key, mine);
				mine.completeExceptionally(ex);
			}
		};
		try {
			(waited ? this.loads : this.renewals).execute(run);
		}
		catch (RejectedExecutionException ex) {
			this.inFlight.remove(key, mine);
			mine.completeExceptionally(ex);
		}
		return mine;
	}

	/**
	 * @return whether a failure means the service is out (rather than that it refused the
	 * request)
	 */
	public static boolean isOutage(Throwable failure) {
		Throwable ex = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (!(ex instanceof CloudException cloud)) {
			return false;
		}
		return switch (cloud.kind()) {
			case UNAVAILABLE, TIMEOUT -> true;
			case UPSTREAM_ERROR -> cloud.upstreamStatus() == null || cloud.upstreamStatus() >= 500;
			default -> false;
		};
	}

	private static boolean isRefusedCredential(RuntimeException ex) {
		return ex instanceof CloudException cloud && cloud.kind() == CloudException.Kind.UNAUTHORIZED;
	}

	private record Entry<V>(V value, long loadedAt) {
	}

	/**
	 * How long entries are served.
	 *
	 * @param ttl how long an entry is fresh
	 * @param staleWhileRevalidate how long past its TTL an entry is still served at once
	 * while it is loaded again; zero for answers that must not be used past their TTL
	 * while the service answers (token validations)
	 * @param staleIfError how long past its TTL an entry is still served while its
	 * service is out
	 */
	public record Freshness(Duration ttl, Duration staleWhileRevalidate, Duration staleIfError) {
	}

	/**
	 * A cached answer.
	 *
	 * @param value the answer
	 * @param age how long ago OpenStack gave it (HTTP's {@code Age})
	 * @param stale whether it is served past its TTL because its service is out
	 * @param <V> the answer's type
	 */
	public record Served<V>(V value, Duration age, boolean stale) {

		/**
		 * @return the age in whole seconds, for an {@code Age} header
		 */
		public long ageSeconds() {
			return this.age.toSeconds();
		}

	}

}
