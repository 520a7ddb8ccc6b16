package io.stackgate.server.servers.launch;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.stackgate.api.CreateServerRequest;
import io.stackgate.api.ServerDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.problem.InvalidRequestException;
import io.stackgate.server.servers.ServerWaits;

/**
 * Launches servers ({@code POST /api/v1/servers}), optionally waiting for them to settle.
 */
@RestController
@RequestMapping("/api/v1/servers")
class LaunchController implements LaunchApi {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	/**
	 * Set on the answer to a launch that an earlier request with the same Idempotency-Key
	 * made.
	 */
	static final String REPLAYED = "Idempotent-Replayed";

	private final ServerLauncher launcher;

	private final ServerWaits waits;

	LaunchController(ServerLauncher launcher, ServerWaits waits) {
		this.launcher = launcher;
		this.waits = waits;
	}

	/**
	 * Launches servers: 202 with the servers in {@code BUILD}; with {@code wait=true},
	 * 200 once all are {@code ACTIVE} or {@code ERROR}, or 202 with their state when
	 * {@code timeout} seconds passed.
	 */
	@PostMapping
	@Override
	public CompletableFuture<ResponseEntity<List<ServerDto>>> create(@RequestBody CreateServerRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			@RequestParam(defaultValue = "false") boolean wait, @RequestParam(required = false) Integer timeout,
			CallContext context, UriComponentsBuilder uri) {
		checkIdempotencyKey(idempotencyKey);
		Duration waitFor = this.waits.timeout(timeout);
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
		return this.waits.awaitSettled(context, launch.servers(), waitFor)
			.thenApply((progress) -> ResponseEntity.status(progress.done() ? HttpStatus.OK : HttpStatus.ACCEPTED)
				.headers(headers)
				.body(progress.value()));
	}

	private static void checkIdempotencyKey(String key) {
		if (key != null && (key.isEmpty() || key.length() > 255 || !key.chars().allMatch((c) -> c > 32 && c < 127))) {
			throw InvalidRequestException.badField(IDEMPOTENCY_KEY,
					"must be 1 to 255 printable ASCII characters without spaces, for example a UUID");
		}
	}

}
