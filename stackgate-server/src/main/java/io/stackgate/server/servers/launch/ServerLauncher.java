package io.stackgate.server.servers.launch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import io.stackgate.api.CreateServerRequest;
import io.stackgate.api.ProblemDto.FieldErrorDto;
import io.stackgate.api.ResourceRefDto;
import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudClient;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.LaunchLocks;
import io.stackgate.server.cloud.OpenStackService;
import io.stackgate.server.cloud.ServerQuery;
import io.stackgate.server.cloud.ServerSpec;
import io.stackgate.server.config.StackgateProperties;
import io.stackgate.server.problem.InvalidRequestException;
import io.stackgate.server.servers.ServerService;

/**
 * Launches servers: validates and resolves the request, then creates each server exactly once.
 * <p>
 * With an {@code Idempotency-Key}, the servers carry the key's digest and the request's digest in their
 * metadata, so Nova itself remembers the launch: a retry finds them and gets them back instead of new ones, even
 * after a gateway restart or through another gateway instance. While it looks and creates, a launch holds the
 * key's {@link LaunchLocks lock}, so that concurrent retries wait for the first instead of creating twice.
 * <p>
 * A create is never retried. When one of several servers cannot be created, the ones already created are
 * deleted: a request launches all its servers or none.
 */
@Service
public class ServerLauncher {

	public static final String KEY_METADATA = LaunchRequestValidator.RESERVED_METADATA_PREFIX + "idempotency-key";

	public static final String REQUEST_METADATA = LaunchRequestValidator.RESERVED_METADATA_PREFIX + "request-digest";

	private static final Logger log = LoggerFactory.getLogger(ServerLauncher.class);

	/** How long a retry waits for a concurrent launch with the same key to finish. */
	private static final Duration CONCURRENT_LAUNCH_WAIT = Duration.ofSeconds(60);

	private static final Duration LOCK_POLL = Duration.ofMillis(500);

	/** name-2 before name-10: the servers of one launch differ only in their number. */
	private static final Comparator<ServerDto> CREATION_ORDER = Comparator
		.comparing((ServerDto server) -> server.name().length())
		.thenComparing(ServerDto::name);

	private final CloudClient cloud;

	private final LaunchLocks locks;

	private final LaunchTargets targets;

	private final ServerService servers;

	private final int maxCount;

	ServerLauncher(CloudClient cloud, LaunchLocks locks, LaunchTargets targets, ServerService servers,
			StackgateProperties properties) {
		this.cloud = cloud;
		this.locks = locks;
		this.targets = targets;
		this.servers = servers;
		this.maxCount = properties.launch().maxCount();
	}

	/**
	 * What a launch request led to.
	 *
	 * @param servers the servers, in creation order
	 * @param replayed whether they were created by an earlier request with the same idempotency key
	 */
	public record Launch(List<ServerDto> servers, boolean replayed) {
	}

	/**
	 * @param idempotencyKey the client's {@code Idempotency-Key}, or {@code null}
	 */
	public Launch launch(CallContext context, CreateServerRequest request, String idempotencyKey) {
		LaunchRequestValidator.validate(request, this.maxCount);
		LaunchTargets.Resolved targets = this.targets.resolve(context, request);
		if (idempotencyKey == null) {
			return new Launch(createAll(context, request, targets, Map.of()), false);
		}
		Tags tags = new Tags(LaunchFingerprint.ofKey(idempotencyKey), LaunchFingerprint.ofRequest(request));
		String lock = "stackgate-launch-" + tags.key().substring(0, 40);
		Instant giveUp = Instant.now().plus(CONCURRENT_LAUNCH_WAIT);
		while (true) {
			Optional<Launch> earlier = findEarlier(context, request, tags, false);
			if (earlier.isPresent()) {
				return earlier.get();
			}
			if (this.locks.tryAcquire(context, lock)) {
				try {
					return findEarlier(context, request, tags, true)
						.orElseGet(() -> new Launch(createAll(context, request, targets, tags.asMetadata()), false));
				}
				finally {
					release(context, lock);
				}
			}
			if (Instant.now().isAfter(giveUp)) {
				throw new CloudException(CloudException.Kind.CONFLICT, OpenStackService.COMPUTE,
						"Another launch with this Idempotency-Key is still in progress", null, null, null);
			}
			pause();
		}
	}

	/**
	 * Looks for the servers of an earlier launch with the same key. Only a complete set is a replay. Outside the
	 * lock, an incomplete set may be a launch in progress; under it, it is what a failed launch left behind,
	 * which is deleted so that this launch starts afresh.
	 */
	private Optional<Launch> findEarlier(CallContext context, CreateServerRequest request, Tags tags,
			boolean holdingLock) {
		List<ServerDto> tagged = this.servers
			.list(context, new ServerQuery("^" + NovaRegex.quote(request.name()), null, null, null))
			.servers()
			.stream()
			.filter((server) -> tags.key().equals(server.metadata().get(KEY_METADATA)))
			.sorted(CREATION_ORDER)
			.toList();
		if (tagged.stream().anyMatch((server) -> !tags.request().equals(server.metadata().get(REQUEST_METADATA)))) {
			throw new InvalidRequestException(HttpStatus.UNPROCESSABLE_CONTENT, List.of(new FieldErrorDto(
					"Idempotency-Key", "was already used for a different launch request; use a new key")));
		}
		if (tagged.size() == count(request)) {
			return Optional.of(new Launch(tagged, true));
		}
		if (holdingLock && !tagged.isEmpty()) {
			log.warn("Found {} of the {} servers of an earlier, failed launch with this key; deleting them",
					tagged.size(), count(request));
			rollBack(context, tagged.stream().map(ServerDto::id).toList());
		}
		return Optional.empty();
	}

	private List<ServerDto> createAll(CallContext context, CreateServerRequest request,
			LaunchTargets.Resolved targets, Map<String, String> tags) {
		int count = count(request);
		List<ServerDto> created = new ArrayList<>();
		try {
			for (int i = 1; i <= count; i++) {
				String name = (count == 1) ? request.name() : request.name() + "-" + i;
				String id = this.cloud.createServer(context, spec(request, targets, name, tags));
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
	 * The server as Nova shows it now; as it was created when Nova cannot say: the launch succeeded either way.
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

	/** A lock that cannot be released is broken when it grows stale; it does not undo the launch. */
	private void release(CallContext context, String lock) {
		try {
			this.locks.release(context, lock);
		}
		catch (CloudException ex) {
			log.warn("Could not release launch lock {}: {}", lock, ex.getMessage());
		}
	}

	private static int count(CreateServerRequest request) {
		return (request.count() != null) ? request.count() : 1;
	}

	private void rollBack(CallContext context, List<String> created) {
		for (String id : created) {
			try {
				this.cloud.deleteServer(context, id);
				log.warn("Deleted server {}: the launch it belonged to failed", id);
			}
			catch (RuntimeException ex) {
				log.error("Server {} belongs to a failed launch and could not be deleted: {}", id, ex.getMessage());
			}
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

	private static void pause() {
		try {
			Thread.sleep(LOCK_POLL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for a concurrent launch", ex);
		}
	}

	/** The metadata that marks the servers of an idempotent launch. */
	private record Tags(String key, String request) {

		Map<String, String> asMetadata() {
			return Map.of(KEY_METADATA, this.key, REQUEST_METADATA, this.request);
		}

	}

}
