package io.stackgate.server.cloud.openstack4j;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import org.openstack4j.api.Builders;
import org.openstack4j.model.compute.AbsoluteLimit;
import org.openstack4j.model.compute.Flavor;
import org.openstack4j.model.compute.Server;
import org.openstack4j.model.compute.ServerCreate;
import org.openstack4j.model.compute.builder.ServerCreateBuilder;

import io.stackgate.api.FlavorDto;
import io.stackgate.api.ServerDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.ComputeClient;
import io.stackgate.server.cloud.OpenStackService;
import io.stackgate.server.cloud.ServerPage;
import io.stackgate.server.cloud.ServerQuery;
import io.stackgate.server.cloud.ServerSpec;

/**
 * {@link ComputeClient} on openstack4j's Nova API.
 */
class NovaCompute implements ComputeClient {

	private final UpstreamCalls calls;

	NovaCompute(UpstreamCalls calls) {
		this.calls = calls;
	}

	@Override
	public List<FlavorDto> listFlavors(CallContext context) {
		List<Flavor> flavors = this.calls.read(context, OpenStackService.COMPUTE,
				(os) -> Pages.walk((query) -> os.compute().flavors().list(true, query), Flavor::getId));
		return flavors.stream().map(ModelMapper::flavor).toList();
	}

	@Override
	public OptionalInt maxServerMetadataItems(CallContext context) {
		Integer max = this.calls.read(context, OpenStackService.COMPUTE, (os) -> {
			AbsoluteLimit absolute = os.compute().quotaSets().limits().getAbsolute();
			return (absolute != null) ? absolute.getMaxServerMeta() : null;
		});
		return (max == null || max < 0) ? OptionalInt.empty() : OptionalInt.of(max);
	}

	@Override
	public ServerPage listServers(CallContext context, ServerQuery query) {
		return this.calls.read(context, OpenStackService.COMPUTE, (os) -> {
			Function<Map<String, String>, List<? extends NovaServerDetail>> fetch = (params) -> {
				if (query.name() != null) {
					params.put("name", literal(query.name()));
				}
				if (query.status() != null) {
					params.put("status", query.status().name());
				}
				return new NovaServerReads().list(params);
			};
			if (query.limit() == null) {
				return new ServerPage(servers(Pages.walk(fetch, NovaServerDetail::getId, query.marker())), null);
			}
			List<? extends NovaServerDetail> page = fetch.apply(Pages.query(query.limit(), query.marker()));
			String next = (page.size() == query.limit()) ? page.get(page.size() - 1).getId() : null;
			return new ServerPage(servers(page), next);
		});
	}

	@Override
	public List<ServerDto> listServersChangedSince(CallContext context, Instant since) {
		String changesSince = since.truncatedTo(ChronoUnit.SECONDS).toString();
		return this.calls.read(context, OpenStackService.COMPUTE, (os) -> servers(Pages.walk((params) -> {
			params.put("changes-since", changesSince);
			return new NovaServerReads().list(params);
		}, NovaServerDetail::getId)));
	}

	@Override
	public Optional<ServerDto> findServer(CallContext context, String serverId) {
		String id = UpstreamPaths.segment(serverId);
		NovaServerDetail server = this.calls.read(context, OpenStackService.COMPUTE,
				(os) -> new NovaServerReads().get(id));
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
		Server created = this.calls.write(context, OpenStackService.COMPUTE,
				(os) -> os.compute().servers().boot(create));
		if (created == null) {
			// openstack4j answers a 404 with null.
			throw Upstream.failure(OpenStackService.COMPUTE, 404, "no server was created");
		}
		return created.getId();
	}

	@Override
	public void deleteServer(CallContext context, String serverId) {
		this.calls.write(context, OpenStackService.COMPUTE, (os) -> {
			new NovaDeletes().deleteServer(serverId);
			return serverId;
		});
	}

	private static List<ServerDto> servers(List<? extends NovaServerDetail> servers) {
		return servers.stream().map(ModelMapper::server).toList();
	}

	/**
	 * Nova reads its {@code name} filter as a regular expression (MariaDB's
	 * {@code REGEXP}, case-insensitive); the gateway's filter is literal text, as the
	 * live view applies it: every ASCII character that is not a letter or a digit is
	 * escaped, which both PCRE and ICU read as that character.
	 */
	static String literal(String text) {
		StringBuilder escaped = new StringBuilder(text.length() * 2);
		text.chars().forEach((c) -> {
			if (c < 128 && !Character.isLetterOrDigit(c)) {
				escaped.append('\\');
			}
			escaped.append((char) c);
		});
		return escaped.toString();
	}

}
