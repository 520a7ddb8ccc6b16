package io.stackgate.server.servers;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.stackgate.api.CreateServerRequest;
import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudClient;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.ServerPage;
import io.stackgate.server.cloud.ServerQuery;
import io.stackgate.server.config.StackgateProperties;
import io.stackgate.server.problem.InvalidRequestException;
import io.stackgate.server.problem.ResourceNotFoundException;
import io.stackgate.server.servers.launch.ServerLauncher;

/**
 * The project's servers. Lists are paged with {@code limit} and {@code marker}; when there is a next page the
 * answer has a {@code Link: <...>; rel="next"} header.
 */
@RestController
@RequestMapping("/api/v1/servers")
class ServerController implements ServerApi {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/** Set on the answer to a launch that an earlier request with the same Idempotency-Key made. */
	static final String REPLAYED = "Idempotent-Replayed";

	private static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);

	private final ServerService servers;

	private final ServerLauncher launcher;

	private final ServerWatcher watcher;

	private final CloudClient cloud;

	private final Duration maxWait;

	ServerController(ServerService servers, ServerLauncher launcher, ServerWatcher watcher, CloudClient cloud,
			StackgateProperties properties) {
		this.servers = servers;
		this.launcher = launcher;
		this.watcher = watcher;
		this.cloud = cloud;
		this.maxWait = properties.launch().maxWait();
	}

	@GetMapping
	@Override
	public ResponseEntity<List<ServerDto>> list(@RequestParam(required = false) String name,
			@RequestParam(required = false) String status,
			@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String marker, CallContext context,
			UriComponentsBuilder uri) {
		ServerPage page = this.servers.list(context, new ServerQuery(name, parseStatus(status), limit, marker));
		ResponseEntity.BodyBuilder response = ResponseEntity.ok();
		if (page.nextMarker() != null) {
			String next = uri.path("/api/v1/servers")
				.queryParamIfPresent("name", Optional.ofNullable(name))
				.queryParamIfPresent("status", Optional.ofNullable(status))
				.queryParam("limit", limit)
				.queryParam("marker", page.nextMarker())
				.build()
				.toUriString();
			response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
		}
		return response.body(page.servers());
	}

	@GetMapping("/{id}")
	@Override
	public ServerDto show(@PathVariable String id, CallContext context) {
		return this.servers.find(context, id).orElseThrow(() -> new ResourceNotFoundException("server", id));
	}

	/**
	 * Launches servers: 202 with the servers in {@code BUILD}; with {@code wait=true}, 200 once all are
	 * {@code ACTIVE} or {@code ERROR}, or 202 with their state when {@code timeout} seconds passed.
	 */
	@PostMapping
	@Override
	public CompletableFuture<ResponseEntity<List<ServerDto>>> create(@RequestBody CreateServerRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			@RequestParam(defaultValue = "false") boolean wait, @RequestParam(required = false) Integer timeout,
			CallContext context, UriComponentsBuilder uri) {
		checkIdempotencyKey(idempotencyKey);
		Duration waitFor = waitTimeout(timeout);
		ServerLauncher.Launch launch = this.launcher.launch(context, request, idempotencyKey);
		URI location = uri.path("/api/v1/servers/{id}").buildAndExpand(launch.servers().get(0).id()).toUri();
		HttpHeaders headers = new HttpHeaders();
		headers.setLocation(location);
		if (launch.replayed()) {
			headers.set(REPLAYED, "true");
		}
		if (!wait) {
			return CompletableFuture.completedFuture(ResponseEntity.accepted().headers(headers).body(launch.servers()));
		}
		return this.watcher.awaitSettled(context, launch.servers(), waitFor)
			.thenApply((watch) -> ResponseEntity.status(watch.done() ? HttpStatus.OK : HttpStatus.ACCEPTED)
				.headers(headers)
				.body(watch.value()));
	}

	/**
	 * Deletes a server: 202; with {@code wait=true}, 204 once it is gone, or 202 when {@code timeout} seconds
	 * passed.
	 */
	@DeleteMapping("/{id}")
	@Override
	public CompletableFuture<ResponseEntity<Void>> delete(@PathVariable String id,
			@RequestParam(defaultValue = "false") boolean wait, @RequestParam(required = false) Integer timeout,
			CallContext context) {
		Duration waitFor = waitTimeout(timeout);
		try {
			this.cloud.deleteServer(context, id);
		}
		catch (CloudException ex) {
			if (ex.kind() == CloudException.Kind.NOT_FOUND) {
				throw new ResourceNotFoundException("server", id);
			}
			throw ex;
		}
		if (!wait) {
			return CompletableFuture.completedFuture(ResponseEntity.accepted().build());
		}
		return this.watcher.awaitGone(context, id, waitFor)
			.thenApply((watch) -> watch.done() ? ResponseEntity.noContent().build() : ResponseEntity.accepted().build());
	}

	private Duration waitTimeout(Integer seconds) {
		if (seconds == null) {
			return DEFAULT_WAIT.compareTo(this.maxWait) < 0 ? DEFAULT_WAIT : this.maxWait;
		}
		Duration requested = Duration.ofSeconds(seconds);
		if (requested.compareTo(this.maxWait) > 0) {
			throw InvalidRequestException.badField("timeout", "must be at most " + this.maxWait.toSeconds() + " seconds");
		}
		return requested;
	}

	private static void checkIdempotencyKey(String key) {
		if (key != null && (key.isEmpty() || key.length() > 255 || !key.chars().allMatch((c) -> c > 32 && c < 127))) {
			throw InvalidRequestException.badField(IDEMPOTENCY_KEY,
					"must be 1 to 255 printable ASCII characters without spaces, for example a UUID");
		}
	}

	private static ServerStatus parseStatus(String status) {
		if (status == null) {
			return null;
		}
		ServerStatus parsed = ServerStatus.fromNova(status);
		if (parsed == ServerStatus.UNKNOWN) {
			throw InvalidRequestException.badField("status", "'" + status + "' is not a server status, expected one of "
					+ Arrays.toString(ServerStatus.values()));
		}
		return parsed;
	}

}
