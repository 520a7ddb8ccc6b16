package io.stackgate.server.servers.launch;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import io.stackgate.api.CreateServerRequest;
import io.stackgate.api.ServerDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.web.ProblemStatuses;

/**
 * The OpenAPI description of {@link LaunchController}, apart from its code, with the
 * parameter constraints (which an overriding method may not redeclare).
 */
@Tag(name = "servers", description = "The project's servers (VMs)")
interface LaunchApi {

	@Operation(operationId = "createServers", summary = "Launch servers",
			description = "Flavor, image and networks by id or name, checked before anything is created. Without "
					+ "wait the answer comes at once (202, servers in BUILD); with wait=true once every server is "
					+ "ACTIVE, ERROR, SHUTOFF or DELETED (200), or 202 when timeout seconds passed first. A launch "
					+ "is never retried by the gateway: send an Idempotency-Key to make a client's retry safe.")
	@ApiResponse(responseCode = "202", description = "Launched: the servers, still being built",
			headers = {
					@Header(name = "Location", description = "The URL of the first server",
							schema = @Schema(type = "string", format = "uri")),
					@Header(name = LaunchController.REPLAYED,
							description = "true when an earlier request with "
									+ "the same Idempotency-Key launched these servers, and nothing new was created",
							schema = @Schema(type = "string", allowableValues = "true")) })
	@ApiResponse(responseCode = "200",
			description = "With wait=true: every server is settled (ACTIVE, ERROR, " + "SHUTOFF or DELETED)",
			headers = {
					@Header(name = "Location", description = "The URL of the first server",
							schema = @Schema(type = "string", format = "uri")),
					@Header(name = LaunchController.REPLAYED,
							description = "true when an earlier request with "
									+ "the same Idempotency-Key launched these servers, and nothing new was created",
							schema = @Schema(type = "string", allowableValues = "true")) })
	@ProblemStatuses({ 400, 404, 409, 422 })
	CompletableFuture<ResponseEntity<List<ServerDto>>> create(CreateServerRequest request,
			@Parameter(name = LaunchController.IDEMPOTENCY_KEY, description = "A key unique to this launch, for "
					+ "example a UUID: a request with the same key and body answers with the servers the first "
					+ "launched (Idempotent-Replayed: true) instead of launching again; the same key with another "
					+ "body is refused (422)", schema = @Schema(minLength = 1, maxLength = 255, pattern = "^[!-~]+$"),
					example = "6c1e9bd2-6f0e-4d3b-9a57-2f1c3e4d5a6b") String idempotencyKey,
			@Parameter(description = "Whether to answer only once the servers are settled") boolean wait,
			@Parameter(
					description = "With wait=true, how many seconds to wait at most; 300 (or "
							+ "stackgate.launch.max-wait when shorter) when absent",
					schema = @Schema(type = "integer", format = "int32", minimum = "1"),
					example = "120") @Min(1) Integer timeout,
			CallContext context, UriComponentsBuilder uri);

}
