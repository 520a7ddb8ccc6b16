package io.stackgate.server.servers;

import java.util.concurrent.CompletableFuture;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import io.stackgate.api.ServerDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.web.ProblemStatuses;

/**
 * The OpenAPI description of {@link ServerController}, apart from its code, with the
 * parameter constraints (which an overriding method may not redeclare).
 */
@Tag(name = "servers", description = "The project's servers (VMs)")
interface ServerApi {

	@Operation(operationId = "listServers", summary = "List or watch the project's servers with their addresses",
			description = "Newest first, paged with limit and marker: when there is a next page, the Link header "
					+ "has its URL with rel=\"next\". Served from the project's live view, kept fresh from Nova "
					+ "and Neutron about every second while the project has callers (Age says how old it is, in "
					+ "seconds); a change made through the gateway is in the caller's next list; "
					+ "Cache-Control: no-cache asks Nova instead. With an If-None-Match of an earlier ETag the "
					+ "answer is 304 when nothing changed. With watch=true the answer is a stream of Server-Sent "
					+ "Events (docs/live-view.md): a 'list' event with the current servers, then 'added', "
					+ "'changed' and 'deleted' events, each with the server as JSON and an id to resume after "
					+ "with Last-Event-ID, and a comment line as heartbeat.")
	@ApiResponse(responseCode = "200",
			description = "The servers of this page, an empty array when none match; or "
					+ "with watch=true the event stream",
			headers = {
					@Header(name = "Link", description = "<url>; rel=\"next\" when there is a next page",
							schema = @Schema(type = "string")),
					@Header(name = "ETag", description = "The list's entity tag, for If-None-Match",
							schema = @Schema(type = "string")),
					@Header(name = "Age",
							description = "How many seconds ago the live view last saw Nova; 0 "
									+ "when Nova was asked for this answer",
							schema = @Schema(type = "integer")) },
			content = {
					@Content(mediaType = "application/json",
							array = @ArraySchema(schema = @Schema(implementation = ServerDto.class))),
					@Content(mediaType = "text/event-stream",
							schema = @Schema(type = "string",
									description = "Server-Sent Events: list, added, changed, deleted")) })
	@ApiResponse(responseCode = "304", description = "Not modified: the If-None-Match ETag is still current")
	@ProblemStatuses(400)
	ResponseEntity<?> list(
			@Parameter(description = "Only servers whose name contains this text (any character is literal)",
					schema = @Schema(minLength = 1, maxLength = 255), example = "web") String name,
			@Parameter(description = "Only servers in this status (case-insensitive; UNKNOWN is refused)",
					schema = @Schema(implementation = io.stackgate.api.ServerStatus.class)) String status,
			@Parameter(description = "Page size; every server when absent",
					schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "1000"),
					example = "50") @Min(1) @Max(1000) Integer limit,
			@Parameter(description = "The id of the last server of the previous page, from the Link header",
					schema = @Schema(minLength = 1)) String marker,
			@Parameter(description = "Whether to answer with a stream of Server-Sent Events (text/event-stream) "
					+ "instead of one list; limit and marker do not apply to it") boolean watch,
			@Parameter(description = "no-cache (or no-store): ask Nova, not the live view",
					schema = @Schema(minLength = 1, maxLength = 1024), example = "no-cache") String cacheControl,
			@Parameter(description = "With watch=true: the id of the last event received, to resume after it",
					schema = @Schema(minLength = 1)) String lastEventId,
			CallContext context, UriComponentsBuilder uri);

	@Operation(operationId = "showServer", summary = "Show one server",
			description = "The server with its status, addresses, flavor and image names, and metadata.")
	@ApiResponse(responseCode = "200", description = "The server")
	@ProblemStatuses(404)
	ServerDto show(@Parameter(description = "The server id", example = "45744ba9-e81b-42e5-a1b6-e73523e44243",
			schema = @Schema(minLength = 1)) String id, CallContext context);

	@Operation(operationId = "deleteServer", summary = "Delete a server",
			description = "Asks Nova to delete the server: 202 at once; with wait=true, 204 once Nova no longer "
					+ "lists it, or 202 when timeout seconds passed first.")
	@ApiResponse(responseCode = "202",
			description = "Deletion started (or still going when wait=true and the " + "timeout passed)")
	@ApiResponse(responseCode = "204", description = "With wait=true: the server is gone")
	@ProblemStatuses({ 400, 404, 409 })
	CompletableFuture<ResponseEntity<Void>> delete(
			@Parameter(description = "The server id", example = "45744ba9-e81b-42e5-a1b6-e73523e44243",
					schema = @Schema(minLength = 1)) String id,
			@Parameter(description = "Whether to answer only once the server is gone") boolean wait,
			@Parameter(
					description = "With wait=true, how many seconds to wait at most; 300 (or "
							+ "stackgate.launch.max-wait when shorter) when absent",
					schema = @Schema(type = "integer", format = "int32", minimum = "1"),
					example = "120") @Min(1) Integer timeout,
			CallContext context);

}
