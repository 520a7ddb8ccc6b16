package io.stackgate.server.catalog;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.stereotype.Service;

import io.stackgate.api.FlavorDto;
import io.stackgate.api.ImageDto;
import io.stackgate.api.LaunchOptionsDto;
import io.stackgate.api.NetworkDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.ComputeClient;
import io.stackgate.server.cloud.ImageClient;
import io.stackgate.server.cloud.NetworkClient;
import io.stackgate.server.concurrent.SideCalls;
import io.stackgate.server.cache.ResilientCache;
import io.stackgate.server.cache.ResilientCache.Freshness;
import io.stackgate.server.cache.ResilientCache.Served;

/**
 * Flavors, images and networks, cached per project for
 * {@code stackgate.cache.launch-options-ttl}, renewed in the background before they
 * expire, served at once while they are fetched again for
 * {@code stackgate.cache.launch-options-stale-while-revalidate} past it, and served stale
 * for {@code stackgate.cache.launch-options-stale-if-error} while the service they come
 * from is out (see {@link ResilientCache}). Concurrent requests for a list that is not
 * cached share one call to OpenStack; a failed call is not cached. Lists that are not
 * cached are fetched side by side ({@link SideCalls}).
 */
@Service
public class LaunchOptionsService {

	private static final int MAX_PROJECTS = 1000;

	private final ComputeClient compute;

	private final ImageClient images;

	private final NetworkClient networks;

	private final ResilientCache<String, List<FlavorDto>> flavorCache;

	private final ResilientCache<String, List<ImageDto>> imageCache;

	private final ResilientCache<String, List<NetworkDto>> networkCache;

	LaunchOptionsService(ComputeClient compute, ImageClient images, NetworkClient networks,
			CatalogProperties properties, Executor applicationTaskExecutor, SideCalls sideCalls,
			MeterRegistry meterRegistry) {
		this.compute = compute;
		this.images = images;
		this.networks = networks;
		this.flavorCache = cache(properties, applicationTaskExecutor, sideCalls, meterRegistry, "flavors");
		this.imageCache = cache(properties, applicationTaskExecutor, sideCalls, meterRegistry, "images");
		this.networkCache = cache(properties, applicationTaskExecutor, sideCalls, meterRegistry, "networks");
	}

	private static <T> ResilientCache<String, T> cache(CatalogProperties properties, Executor renewals,
			SideCalls sideCalls, MeterRegistry meterRegistry, String name) {
		ResilientCache<String, T> cache = new ResilientCache<>(
				new Freshness(properties.launchOptionsTtl(), properties.launchOptionsStaleWhileRevalidate(),
						properties.launchOptionsStaleIfError()),
				MAX_PROJECTS, renewals, sideCalls.executor(), Clock.systemUTC());
		CaffeineCacheMetrics.monitor(meterRegistry, cache.caffeine(), name);
		return cache;
	}

	/**
	 * @return the flavors of the caller's project
	 */
	public CompletableFuture<Served<List<FlavorDto>>> flavors(CallContext context) {
		return cached(this.flavorCache, context, () -> this.compute.listFlavors(context));
	}

	/**
	 * @return the active images of the caller's project
	 */
	public CompletableFuture<Served<List<ImageDto>>> images(CallContext context) {
		return cached(this.imageCache, context, () -> this.images.listImages(context));
	}

	/**
	 * @return the networks the caller's project can attach servers to: those with a
	 * subnet that are shared or not external (a project's own networks)
	 */
	public CompletableFuture<Served<List<NetworkDto>>> networks(CallContext context) {
		return visibleNetworks(context)
			.thenApply((all) -> new Served<>(all.value().stream().filter(LaunchOptionsService::isAttachable).toList(),
					all.age(), all.stale()));
	}

	/**
	 * @return every network the caller's project sees, attachable or not
	 */
	public CompletableFuture<Served<List<NetworkDto>>> visibleNetworks(CallContext context) {
		return cached(this.networkCache, context, () -> this.networks.listNetworks(context));
	}

	/**
	 * Forgets the caller's project's lists, so that the next call fetches them again.
	 */
	public void forget(CallContext context) {
		String project = context.session().projectId();
		this.flavorCache.invalidate(project);
		this.imageCache.invalidate(project);
		this.networkCache.invalidate(project);
	}

	/**
	 * @return the three lists; aged as the oldest of them
	 */
	public CompletableFuture<Served<LaunchOptionsDto>> launchOptions(CallContext context) {
		CompletableFuture<Served<List<FlavorDto>>> flavors = flavors(context);
		CompletableFuture<Served<List<ImageDto>>> images = images(context);
		CompletableFuture<Served<List<NetworkDto>>> networks = networks(context);
		return CompletableFuture.allOf(flavors, images, networks).thenApply((done) -> {
			Served<?> oldest = List.of(flavors.join(), images.join(), networks.join())
				.stream()
				.max((a, b) -> a.age().compareTo(b.age()))
				.orElseThrow();
			return new Served<>(
					new LaunchOptionsDto(flavors.join().value(), images.join().value(), networks.join().value()),
					oldest.age(), flavors.join().stale() || images.join().stale() || networks.join().stale());
		});
	}

	private static boolean isAttachable(NetworkDto network) {
		return !network.subnets().isEmpty() && (network.shared() || !network.external());
	}

	private <T> CompletableFuture<Served<T>> cached(ResilientCache<String, T> cache, CallContext context,
			Supplier<T> load) {
		return cache.get(context.session().projectId(), load);
	}

}
