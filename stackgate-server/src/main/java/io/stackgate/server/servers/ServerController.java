package io.stackgate.server.servers;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.ServerQuery;
import io.stackgate.server.problem.InvalidRequestException;
import io.stackgate.server.problem.ResourceNotFoundException;
import io.stackgate.server.servers.view.ServerFilter;

/**
 * The project's servers: list, watch, show and delete (launches are
 * {@code servers.launch}). Lists come from the project's live view
 * ({@code Cache-Control: no-cache} asks Nova) with an {@code Age}, are paged with
 * {@code limit} and {@code marker} (when there is a next page the answer has a
 * {@code Link: <...>; rel="next"} header), and with {@code watch=true} become a stream of
 * Server-Sent Events.
 */
@RestController
@RequestMapping("/api/v1/servers")
class ServerController implements ServerApi {

	private final ServerService servers;

	private final ServerWaits waits;

	private final WatchStreams watches;

	ServerController(ServerService servers, ServerWaits waits, WatchStreams watches) {
		this.servers = servers;
		this.waits = waits;
		this.watches = watches;
	}

	@GetMapping
	@Override
	public ResponseEntity<?> list(@RequestParam(required = false) String name,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String marker, @RequestParam(defaultValue = "false") boolean watch,
			@RequestHeader(name = HttpHeaders.CACHE_CONTROL, required = false) String cacheControl,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId, CallContext context,
			UriComponentsBuilder uri) {
		ServerQuery query = new ServerQuery(name, parseStatus(status), limit, ServerIds.requireMarker(marker));
		if (watch) {
			return ResponseEntity.ok()
				.contentType(MediaType.TEXT_EVENT_STREAM)
				.cacheControl(CacheControl.noCache())
				.body(this.watches.watch(context, new ServerFilter(query.name(), query.status()), lastEventId));
		}
		ServerList page = this.servers.listLive(context, query, asksForNova(cacheControl));
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.header(HttpHeaders.AGE, String.valueOf(ageSeconds(page.asOf())));
		if (page.nextMarker() != null) {
			String next = uri.path("/api/v1/servers")
				.queryParamIfPresent("name", Optional.ofNullable(name))
				.queryParamIfPresent("status", Optional.ofNullable(status))
				.queryParamIfPresent("limit", Optional.ofNullable(limit))
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
	 * Deletes a server: 202; with {@code wait=true}, 204 once it is gone, or 202 when
	 * {@code timeout} seconds passed.
	 */
	@DeleteMapping("/{id}")
	@Override
	public CompletableFuture<ResponseEntity<Void>> delete(@PathVariable String id,
			@RequestParam(defaultValue = "false") boolean wait, @RequestParam(required = false) Integer timeout,
			CallContext context) {
		ServerIds.require(id);
		Duration waitFor = this.waits.timeout(timeout);
		try {
			this.servers.delete(context, id);
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
		return this.waits.awaitGone(context, id, waitFor)
			.thenApply((progress) -> progress.done() ? ResponseEntity.noContent().build()
					: ResponseEntity.accepted().build());
	}

	/**
	 * {@code Cache-Control: no-cache} (or {@code no-store}) asks for Nova's answer rather
	 * than the view's.
	 */
	private static boolean asksForNova(String cacheControl) {
		if (cacheControl == null) {
			return false;
		}
		String directives = cacheControl.toLowerCase(Locale.ROOT);
		return directives.contains("no-cache") || directives.contains("no-store");
	}

	private static long ageSeconds(Instant asOf) {
		return (asOf != null) ? Math.max(0, Duration.between(asOf, Instant.now()).toSeconds()) : 0;
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
