package io.stackgate.server.cloud.openstack4j;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openstack4j.api.Builders;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.compute.Flavor;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.compute.ServerCreate;
import org.openstack4j.model.compute.builder.ServerCreateBuilder;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.model.network.Network;
import org.openstack4j.model.network.Subnet;

import io.stackgate.api.FlavorDto;
import io.stackgate.api.ImageDto;
import io.stackgate.api.NetworkDto;
import io.stackgate.api.ServerDto;
import io.stackgate.api.SubnetDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudClient;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.OpenStackService;
import io.stackgate.server.cloud.ServerPage;
import io.stackgate.server.cloud.ServerQuery;
import io.stackgate.server.cloud.ServerSpec;

/**
 * {@link CloudClient} on openstack4j.
 */
class Openstack4jCloudClient implements CloudClient {

	private final OpenStackClients clients;

	Openstack4jCloudClient(OpenStackClients clients) {
		this.clients = clients;
	}

	@Override
	public List<FlavorDto> listFlavors(CallContext context) {
		List<Flavor> flavors = read(context, OpenStackService.COMPUTE,
				(os) -> Pages.walk((query) -> os.compute().flavors().list(true, query), Flavor::getId));
		return flavors.stream().map(ModelMapper::flavor).toList();
	}

	@Override
	public List<ImageDto> listImages(CallContext context) {
		List<Image> images = read(context, OpenStackService.IMAGE, (os) -> Pages.walk((query) -> {
			query.put("status", "active");
			return os.imagesV2().list(query);
		}, Image::getId));
		return images.stream().map(ModelMapper::image).toList();
	}

	@Override
	public List<NetworkDto> listNetworks(CallContext context) {
		return read(context, OpenStackService.NETWORK, (os) -> {
			List<Network> networks = Pages.walk((query) -> os.networking().network().list(query), Network::getId);
			Map<String, List<SubnetDto>> subnets = os.networking()
				.subnet()
				.list()
				.stream()
				.collect(Collectors.groupingBy(Subnet::getNetworkId,
						Collectors.mapping(ModelMapper::subnet, Collectors.toList())));
			return networks.stream()
				.map((network) -> ModelMapper.network(network, subnets.getOrDefault(network.getId(), List.of())))
				.toList();
		});
	}

	@Override
	public ServerPage listServers(CallContext context, ServerQuery query) {
		return read(context, OpenStackService.COMPUTE, (os) -> {
			Function<Map<String, String>, List<? extends Server>> fetch = (params) -> {
				if (query.name() != null) {
					params.put("name", query.name());
				}
				if (query.status() != null) {
					params.put("status", query.status().name());
				}
				return os.compute().servers().list(params);
			};
			if (query.limit() == null) {
				return new ServerPage(servers(Pages.walk(fetch, Server::getId, query.marker())), null);
			}
			List<? extends Server> page = fetch.apply(Pages.query(query.limit(), query.marker()));
			String next = (page.size() == query.limit()) ? page.get(page.size() - 1).getId() : null;
			return new ServerPage(servers(page), next);
		});
	}

	@Override
	public Optional<ServerDto> findServer(CallContext context, String serverId) {
		String id = UpstreamPaths.segment(serverId);
		Server server = read(context, OpenStackService.COMPUTE, (os) -> os.compute().servers().get(id));
		return Optional.ofNullable(server).map(ModelMapper::server);
	}

	@Override
	public String createServer(CallContext context, ServerSpec spec) {
		ServerCreateBuilder builder = Builders.server()
			.name(spec.name())
			.flavor(spec.flavorId())
			.image(spec.imageId())
			.networks(spec.networkIds())
			.addMetadata(spec.metadata());
		spec.securityGroups().forEach(builder::addSecurityGroup);
		if (spec.keyName() != null) {
			builder.keypairName(spec.keyName());
		}
		if (spec.availabilityZone() != null) {
			builder.availabilityZone(spec.availabilityZone());
		}
		if (spec.userData() != null) {
			builder.userData(Base64.getEncoder().encodeToString(spec.userData().getBytes(StandardCharsets.UTF_8)));
		}
		ServerCreate create = builder.build();
		Server created = write(context, OpenStackService.COMPUTE, (os) -> os.compute().servers().boot(create));
		if (created == null) {
			// openstack4j answers a 404 with null.
			throw Upstream.failure(OpenStackService.COMPUTE, 404, "no server was created");
		}
		return created.getId();
	}

	@Override
	public void deleteServer(CallContext context, String serverId) {
		write(context, OpenStackService.COMPUTE, (os) -> {
			new NovaDeletes().deleteServer(serverId);
			return serverId;
		});
	}

	private static List<ServerDto> servers(List<? extends Server> servers) {
		return servers.stream().map(ModelMapper::server).toList();
	}

	/**
	 * Runs a call that changes nothing. When OpenStack refuses the token, the session gets a new one and the call
	 * runs once more.
	 */
	<T> T read(CallContext context, OpenStackService service, Function<OSClientV3, T> call) {
		TokenSession session = session(context);
		Token token = session.token();
		try {
			return call(context, service, token, call);
		}
		catch (CloudException ex) {
			if (ex.kind() != CloudException.Kind.UNAUTHORIZED) {
				throw ex;
			}
			return call(context, service, session.renew(token), call);
		}
	}

	/**
	 * Runs a call that changes the cloud, once. When OpenStack refuses the token, the session renews it for the
	 * next call, and this one fails: nothing was changed, and the caller decides whether to repeat it.
	 */
	<T> T write(CallContext context, OpenStackService service, Function<OSClientV3, T> call) {
		TokenSession session = session(context);
		Token token = session.token();
		try {
			return call(context, service, token, call);
		}
		catch (CloudException ex) {
			if (ex.kind() != CloudException.Kind.UNAUTHORIZED) {
				throw ex;
			}
			session.renew(token);
			throw new CloudException(CloudException.Kind.UNAVAILABLE, service, service.projectName()
					+ " refused the token, which has been renewed: nothing was changed and the request can be repeated",
					ex.upstreamStatus(), ex.openstackRequestId(), ex);
		}
	}

	private <T> T call(CallContext context, OpenStackService service, Token token, Function<OSClientV3, T> call) {
		return this.clients.call(service, () -> call.apply(this.clients.forToken(token, context.requestId())));
	}

	private static TokenSession session(CallContext context) {
		if (context.session() instanceof TokenSession session) {
			return session;
		}
		throw new IllegalArgumentException("Not a session of this adapter: " + context.session().getClass());
	}

}
