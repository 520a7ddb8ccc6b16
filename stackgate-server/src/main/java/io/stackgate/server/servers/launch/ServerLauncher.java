package io.stackgate.server.servers.launch;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.springframework.stereotype.Service;

import io.stackgate.api.CreateServerRequest;
import io.stackgate.api.ServerDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.ComputeClient;
import io.stackgate.server.problem.InvalidRequestException;
import io.stackgate.server.servers.LaunchProperties;

/**
 * Launches servers: validates the request and resolves its flavor, image and networks,
 * then has them created by {@link ServerCreator}, through the idempotency protocol of
 * {@link IdempotentLaunches} when the client sent an {@code Idempotency-Key}.
 */
@Service
public class ServerLauncher {

	private final LaunchTargets targets;

	private final ServerCreator creator;

	private final IdempotentLaunches idempotent;

	private final ComputeClient compute;

	private final int maxCount;

	ServerLauncher(LaunchTargets targets, ServerCreator creator, IdempotentLaunches idempotent, ComputeClient compute,
			LaunchProperties properties) {
		this.targets = targets;
		this.creator = creator;
		this.idempotent = idempotent;
		this.compute = compute;
		this.maxCount = properties.maxCount();
	}

	/**
	 * What a launch request led to.
	 *
	 * @param servers the servers, in creation order
	 * @param replayed whether they were created by an earlier request with the same
	 * idempotency key
	 */
	public record Launch(List<ServerDto> servers, boolean replayed) {
	}

	/**
	 * @param idempotencyKey the client's {@code Idempotency-Key}, or {@code null}
	 */
	public Launch launch(CallContext context, CreateServerRequest request, String idempotencyKey) {
		LaunchRequestValidator.validate(request, this.maxCount);
		LaunchTargets.Resolved resolved = this.targets.resolve(context, request);
		if (idempotencyKey == null) {
			checkMetadataQuota(context, request, false);
			return new Launch(this.creator.createAll(context, request, resolved, Map.of(), () -> {
			}), false);
		}
		return this.idempotent.launch(context, request, idempotencyKey, (tags, beforeEachCreate) -> {
			checkMetadataQuota(context, request, true);
			return this.creator.createAll(context, request, resolved, tags, beforeEachCreate);
		});
	}

	/**
	 * Nova refuses a server with more metadata items than the project's quota, the
	 * gateway's own tags of an {@code Idempotency-Key} included: said before anything is
	 * created (a replay is not checked). Nova's limits are asked only when the request
	 * has metadata; when they cannot be had, Nova checks at the create.
	 */
	private void checkMetadataQuota(CallContext context, CreateServerRequest request, boolean tagged) {
		if (request.metadata() == null || request.metadata().isEmpty()) {
			return;
		}
		int items = request.metadata().size() + (tagged ? IdempotentLaunches.TAGS : 0);
		OptionalInt limit;
		try {
			limit = this.compute.maxServerMetadataItems(context);
		}
		catch (CloudException ex) {
			return;
		}
		limit.ifPresent((max) -> {
			if (items > max) {
				throw InvalidRequestException.badField("metadata", "has " + items + " items"
						+ (tagged ? " with the gateway's " + IdempotentLaunches.TAGS + " for the Idempotency-Key" : "")
						+ "; the project's servers may have at most " + max + " (Nova's metadata_items quota)");
			}
		});
	}

}
