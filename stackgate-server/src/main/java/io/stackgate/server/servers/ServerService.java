package io.stackgate.server.servers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import io.stackgate.api.FlavorDto;
import io.stackgate.api.ImageDto;
import io.stackgate.api.ResourceRefDto;
import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.server.catalog.LaunchOptionsService;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.ComputeClient;
import io.stackgate.server.cache.ResilientCache;
import io.stackgate.server.cloud.ServerPage;
import io.stackgate.server.cloud.ServerQuery;
import io.stackgate.server.cloud.ServerSpec;
import io.stackgate.server.servers.view.LiveViews;
import io.stackgate.server.servers.view.ServerFilter;
import io.stackgate.server.servers.view.ViewPage;
import io.stackgate.server.concurrent.Futures;

/**
 * The project's servers, with the names of their flavors and images (and, from Nova
 * microversion 2.47, the ids of their flavors) filled in from the cached launch options:
 * lists from the project's live view, or from Nova; and the writes the view must hear of.
 */
@Service
public class ServerService {

	private static final Logger log = LoggerFactory.getLogger(ServerService.class);

	private final ComputeClient compute;

	private final LaunchOptionsService launchOptions;

	private final LiveViews views;

	public ServerService(ComputeClient compute, LaunchOptionsService launchOptions, LiveViews views) {
		this.compute = compute;
		this.launchOptions = launchOptions;
		this.views = views;
	}

	/**
	 * @return one page of servers as Nova lists them now
	 */
	public ServerPage list(CallContext context, ServerQuery query) {
		CompletableFuture<Names> names = names(context);
		ServerPage page = this.compute.listServers(context, query);
		Names known = Futures.join(names);
		return new ServerPage(page.servers().stream().map(known::fill).toList(), page.nextMarker());
	}

	/**
	 * @param fromNova whether the caller asked for Nova's answer
	 * ({@code Cache-Control: no-cache})
	 * @return one page of servers from the project's live view, or from Nova when asked
	 * to or when the project has no view young enough; when Nova is out then, from the
	 * view while it is not too old (stale-if-error)
	 */
	public ServerList listLive(CallContext context, ServerQuery query, boolean fromNova) {
		CompletableFuture<Names> names = names(context);
		ServerFilter filter = new ServerFilter(query.name(), query.status());
		Optional<ViewPage> viewed = fromNova ? Optional.empty()
				: this.views.list(context, filter, query.limit(), query.marker());
		if (viewed.isPresent()) {
			return fromView(viewed.get(), Futures.join(names));
		}
		ServerPage page;
		try {
			page = this.compute.listServers(context, query);
		}
		catch (CloudException ex) {
			Optional<ViewPage> stale = (fromNova || !ResilientCache.isOutage(ex)) ? Optional.empty()
					: this.views.listStale(context, filter, query.limit(), query.marker());
			return stale.map((view) -> fromView(view, Futures.join(names))).orElseThrow(() -> ex);
		}
		Names known = Futures.join(names);
		return new ServerList(page.servers().stream().map(known::fill).toList(), page.nextMarker(), null);
	}

	private static ServerList fromView(ViewPage page, Names names) {
		return new ServerList(page.servers().stream().map(names::fill).toList(), page.nextMarker(), page.asOf());
	}

	/**
	 * @return what fills in flavor and image names, as the launch options have them now
	 */
	public UnaryOperator<ServerDto> namer(CallContext context) {
		return Futures.join(names(context))::fill;
	}

	/**
	 * Creates a server in Nova, and tells the project's live view, so that the caller's
	 * next list shows it.
	 * @return the new server's id
	 */
	public String create(CallContext context, ServerSpec spec) {
		String id = this.compute.createServer(context, spec);
		this.views.wrote(context.session());
		return id;
	}

	/**
	 * Deletes a server in Nova, and tells the project's live view, so that the caller's
	 * next list no longer shows it as it was.
	 */
	public void delete(CallContext context, String serverId) {
		this.compute.deleteServer(context, serverId);
		this.views.wrote(context.session());
	}

	public Optional<ServerDto> find(CallContext context, String serverId) {
		CompletableFuture<Names> names = names(context);
		// Newer Novas still show a deleted server, as DELETED, for a moment: for a client
		// it is gone.
		return this.compute.findServer(context, serverId)
			.filter((server) -> server.status() != ServerStatus.DELETED)
			.map(Futures.join(names)::fill);
	}

	/**
	 * @return whether Nova no longer has the server at all, not even as DELETED: then it
	 * is gone from Nova's lists too
	 */
	public boolean isGone(CallContext context, String serverId) {
		return this.compute.findServer(context, serverId).isEmpty();
	}

	/**
	 * Names are a convenience: when they cannot be had, servers are served without them.
	 */
	private CompletableFuture<Names> names(CallContext context) {
		return this.launchOptions.flavors(context)
			.thenCombine(this.launchOptions.images(context),
					(flavors, images) -> new Names(flavors.value(), images.value()))
			.exceptionally((ex) -> {
				log.warn("Serving servers without flavor and image names: {}", rootMessage(ex));
				return new Names(List.of(), List.of());
			});
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = (ex.getCause() instanceof CloudException) ? ex.getCause() : ex;
		return cause.getMessage();
	}

	/**
	 * Flavor and image names by id, and flavor ids by name: Nova names a server's flavor
	 * by id before microversion 2.47 and by name (the one it was built with) from 2.47.
	 */
	private static final class Names {

		private final Map<String, String> flavors;

		private final Map<String, String> flavorIds;

		private final Map<String, String> images;

		Names(List<FlavorDto> flavors, List<ImageDto> images) {
			this.flavors = index(flavors, FlavorDto::id, FlavorDto::name);
			this.flavorIds = index(flavors, FlavorDto::name, FlavorDto::id);
			this.images = index(images, ImageDto::id, ImageDto::name);
		}

		ServerDto fill(ServerDto server) {
			return server.withFlavor(flavor(server.flavor())).withImage(named(server.image(), this.images));
		}

		/**
		 * A flavor by name only gets the id of the project's flavor of that name, if
		 * there is one.
		 */
		private ResourceRefDto flavor(ResourceRefDto ref) {
			if (ref != null && ref.id() == null && ref.name() != null) {
				return new ResourceRefDto(this.flavorIds.get(ref.name()), ref.name());
			}
			return named(ref, this.flavors);
		}

		private static ResourceRefDto named(ResourceRefDto ref, Map<String, String> names) {
			return (ref != null) ? new ResourceRefDto(ref.id(), names.get(ref.id())) : null;
		}

		private static <T> Map<String, String> index(List<T> items, Function<T, String> key,
				Function<T, String> value) {
			return items.stream()
				.filter((item) -> key.apply(item) != null && value.apply(item) != null)
				.collect(Collectors.toMap(key, value, (first, second) -> first));
		}

	}

}
