package io.stackgate.server.servers;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.ComputeClient;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.ServerPage;
import io.stackgate.server.cloud.ServerQuery;
import io.stackgate.server.problem.InvalidRequestException;
import io.stackgate.server.problem.ResourceNotFoundException;

/**
 * The project's servers: list, show and delete (launches are {@code servers.launch}). Lists are paged with {@code limit} and {@code marker}; when there is a next page the
 * answer has a {@code Link: <...>; rel="next"} header.
 */
@RestController
@RequestMapping("/api/v1/servers")
class ServerController implements ServerApi {

	private final ServerService servers;

	private final ServerWatcher watcher;

	private final ComputeClient compute;

	ServerController(ServerService servers, ServerWatcher watcher, ComputeClient compute) {
		this.servers = servers;
		this.watcher = watcher;
		this.compute = compute;
	}

	@GetMapping
	@Override
	public ResponseEntity<List<ServerDto>> list(@RequestParam(required = false) String name,
			@RequestParam(required = false) String status,
			@RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String marker, CallContext context,
			UriComponentsBuilder uri) {
		ServerPage page = this.servers.list(context,
				new ServerQuery(name, parseStatus(status), limit, ServerIds.requireMarker(marker)));
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
		return this.servers.find(context, ServerIds.require(id))
			.orElseThrow(() -> new ResourceNotFoundException("server", id));
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
		ServerIds.require(id);
		Duration waitFor = this.watcher.timeout(timeout);
		try {
			this.compute.deleteServer(context, id);
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
