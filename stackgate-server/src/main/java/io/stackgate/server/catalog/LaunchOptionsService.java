package io.stackgate.server.catalog;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.stereotype.Service;

import io.stackgate.api.FlavorDto;
import io.stackgate.api.ImageDto;
import io.stackgate.api.LaunchOptionsDto;
import io.stackgate.api.NetworkDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudClient;

/**
 * Flavors, images and networks, cached per project for {@code stackgate.cache.launch-options-ttl}. Concurrent
 * requests for a list that is not cached share one call to OpenStack; a failed call is not cached.
 */
@Service
public class LaunchOptionsService {

	private static final int MAX_PROJECTS = 1000;

	private final CloudClient cloud;

	private final AsyncCache<String, List<FlavorDto>> flavors;

	private final AsyncCache<String, List<ImageDto>> images;

	private final AsyncCache<String, List<NetworkDto>> networks;

	LaunchOptionsService(CloudClient cloud, CatalogProperties properties, Executor applicationTaskExecutor,
			MeterRegistry meterRegistry) {
		this.cloud = cloud;
		Caffeine<Object, Object> builder = Caffeine.newBuilder()
			.expireAfterWrite(properties.launchOptionsTtl())
			.maximumSize(MAX_PROJECTS)
			.executor(applicationTaskExecutor)
			.recordStats();
		this.flavors = CaffeineCacheMetrics.monitor(meterRegistry, builder.buildAsync(), "flavors");
		this.images = CaffeineCacheMetrics.monitor(meterRegistry, builder.buildAsync(), "images");
		this.networks = CaffeineCacheMetrics.monitor(meterRegistry, builder.buildAsync(), "networks");
	}

	/** @return the flavors of the caller's project */
	public CompletableFuture<List<FlavorDto>> flavors(CallContext context) {
		return cached(this.flavors, context, CloudClient::listFlavors);
	}

	/** @return the active images of the caller's project */
	public CompletableFuture<List<ImageDto>> images(CallContext context) {
		return cached(this.images, context, CloudClient::listImages);
	}

	/**
	 * @return the networks the caller's project can attach servers to: those with a subnet that are shared or
	 * not external (a project's own networks)
	 */
	public CompletableFuture<List<NetworkDto>> networks(CallContext context) {
		return visibleNetworks(context)
			.thenApply((all) -> all.stream().filter(LaunchOptionsService::isAttachable).toList());
	}

	/** @return every network the caller's project sees, attachable or not */
	public CompletableFuture<List<NetworkDto>> visibleNetworks(CallContext context) {
		return cached(this.networks, context, CloudClient::listNetworks);
	}

	/**
	 * Forgets the caller's project's lists, so that the next call fetches them again.
	 */
	public void forget(CallContext context) {
		String project = context.session().projectId();
		this.flavors.synchronous().invalidate(project);
		this.images.synchronous().invalidate(project);
		this.networks.synchronous().invalidate(project);
	}

	/** @return the three lists, fetched in parallel when they are not cached */
	public CompletableFuture<LaunchOptionsDto> launchOptions(CallContext context) {
		CompletableFuture<List<FlavorDto>> flavors = flavors(context);
		CompletableFuture<List<ImageDto>> images = images(context);
		CompletableFuture<List<NetworkDto>> networks = networks(context);
		return CompletableFuture.allOf(flavors, images, networks)
			.thenApply((done) -> new LaunchOptionsDto(flavors.join(), images.join(), networks.join()));
	}

	private static boolean isAttachable(NetworkDto network) {
		return !network.subnets().isEmpty() && (network.shared() || !network.external());
	}

	private <T> CompletableFuture<T> cached(AsyncCache<String, T> cache, CallContext context,
			BiFunction<CloudClient, CallContext, T> load) {
		return cache.get(context.session().projectId(),
				(project, executor) -> CompletableFuture.supplyAsync(() -> load.apply(this.cloud, context), executor));
	}

}
