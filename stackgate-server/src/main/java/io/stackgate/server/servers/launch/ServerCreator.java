package io.stackgate.server.servers.launch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import io.stackgate.api.CreateServerRequest;
import io.stackgate.api.ResourceRefDto;
import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.ServerSpec;
import io.stackgate.server.servers.ServerService;

/**
 * Creates the servers of one launch request, each exactly once: a create is never
 * retried. When one of several servers cannot be created, the ones already created are
 * deleted: a request launches all its servers or none.
 */
@Component
class ServerCreator {

	private static final Logger log = LoggerFactory.getLogger(ServerCreator.class);

	private final ServerService servers;

	ServerCreator(ServerService servers) {
		this.servers = servers;
	}

	/**
	 * @param targets what the request's flavor, image and networks resolved to
	 * @param tags metadata the gateway adds to every server (the idempotency tags), empty
	 * for none
	 * @return the servers, in creation order, as Nova shows them right after the create
	 */
	List<ServerDto> createAll(CallContext context, CreateServerRequest request, LaunchTargets.Resolved targets,
			Map<String, String> tags, Runnable beforeEachCreate) {
		int count = count(request);
		List<ServerDto> created = new ArrayList<>();
		try {
			for (int i = 1; i <= count; i++) {
				String name = (count == 1) ? request.name() : request.name() + "-" + i;
				beforeEachCreate.run();
				String id = this.servers.create(context, spec(request, targets, name, tags));
				created.add(new ServerDto(id, name, ServerStatus.BUILD, List.of(),
						new ResourceRefDto(targets.flavor().id(), targets.flavor().name()),
						new ResourceRefDto(targets.image().id(), targets.image().name()), null, null, Map.of()));
			}
		}
		catch (RuntimeException ex) {
			rollBack(context, created.stream().map(ServerDto::id).toList());
			throw ex;
		}
		log.info("Launched {} server(s) named '{}': {}", count, request.name(),
				created.stream().map(ServerDto::id).toList());
		return created.stream().map((server) -> current(context, server)).toList();
	}

	/**
	 * Deletes the servers of a failed launch. A delete that fails is logged and the
	 * others go on: the failure that caused the rollback is what the client hears about.
	 */
	void rollBack(CallContext context, List<String> serverIds) {
		for (String id : serverIds) {
			try {
				this.servers.delete(context, id);
				log.warn("Deleted server {}: the launch it belonged to failed", id);
			}
			catch (RuntimeException ex) {
				log.error("Server {} belongs to a failed launch and could not be deleted: {}", id, ex.getMessage());
			}
		}
	}

	/**
	 * @return how many servers the request launches
	 */
	static int count(CreateServerRequest request) {
		return (request.count() != null) ? request.count() : 1;
	}

	/**
	 * The server as Nova shows it now; as it was created when Nova cannot say: the launch
	 * succeeded either way.
	 */
	private ServerDto current(CallContext context, ServerDto created) {
		try {
			return this.servers.find(context, created.id()).orElse(created);
		}
		catch (CloudException ex) {
			log.warn("Could not read back server {} after creating it: {}", created.id(), ex.getMessage());
			return created;
		}
	}

	private static ServerSpec spec(CreateServerRequest request, LaunchTargets.Resolved targets, String name,
			Map<String, String> tags) {
		Map<String, String> metadata = new HashMap<>((request.metadata() != null) ? request.metadata() : Map.of());
		metadata.putAll(tags);
		return new ServerSpec(name, targets.flavor().id(), targets.image().id(),
				targets.networks().stream().map((network) -> network.id()).toList(), request.keyName(),
				(request.securityGroups() != null) ? request.securityGroups() : List.of(), request.userData(),
				request.availabilityZone(), metadata);
	}

}
