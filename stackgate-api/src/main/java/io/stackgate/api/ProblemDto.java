package io.stackgate.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}): the body of every error
 * response.
 *
 * @param type a stable URI naming the kind of problem, see {@link ProblemTypes}
 * @param title a short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param instance the request path
 * @param requestId the gateway's request id, also in the {@code X-Openstack-Request-Id}
 * header
 * @param openstackService the OpenStack service that failed ({@code compute},
 * {@code image}, ...), if any
 * @param upstreamStatus the HTTP status that service answered, if it answered
 * @param openstackRequestId the request id the OpenStack service logged, if it answered
 * @param errors the invalid fields of a rejected request
 * @param candidates the ids an ambiguous name matches (409)
 * @param retryAfter seconds to wait before the next request (429)
 */
@Schema(type = "object", description = "An RFC 9457 problem: the body of every error response",
		requiredProperties = { "type", "title", "status", "detail", "instance", "request_id" })
public record ProblemDto(@Schema(description = "A stable URI naming the kind of problem", allowableValues = {
		"https://stackgate.dev/problems/invalid-request", "https://stackgate.dev/problems/unauthenticated",
		"https://stackgate.dev/problems/forbidden", "https://stackgate.dev/problems/not-found",
		"https://stackgate.dev/problems/conflict", "https://stackgate.dev/problems/rate-limited",
		"https://stackgate.dev/problems/upstream-error", "https://stackgate.dev/problems/upstream-unavailable",
		"https://stackgate.dev/problems/upstream-timeout", "https://stackgate.dev/problems/internal-error" },
		format = "uri", example = "https://stackgate.dev/problems/not-found") String type,
		@Schema(description = "A short summary of the kind of problem", example = "Not found") String title,
		@Schema(description = "The HTTP status", minimum = "400", maximum = "599", example = "404") int status,
		@Schema(description = "What went wrong this time",
				example = "no server with the id "
						+ "'00000000-0000-0000-0000-000000000000' in this project") String detail,
		@Schema(description = "The request path",
				example = "/api/v1/servers/00000000-0000-0000-0000-000000000000") String instance,
		@Schema(description = "The gateway's request id, also in the X-Openstack-Request-Id header",
				pattern = WireFormats.REQUEST_ID,
				example = "req-55c01eca-d0fc-45b9-bb6e-c7bb99c7bfcb") @JsonProperty("request_id") String requestId,
		@Schema(description = "The OpenStack service that failed, by catalog type, when one did",
				example = "compute") @JsonProperty("openstack_service") String openstackService,
		@Schema(description = "The HTTP status that service answered, when it answered", minimum = "100",
				maximum = "599", example = "409") @JsonProperty("upstream_status") Integer upstreamStatus,
		@Schema(description = "The request id that service logged, when it answered",
				example = "req-9d0b5c4e-8a3f-4b8e-9a47-6c1f7b0e2d11") @JsonProperty("openstack_request_id") String openstackRequestId,
		@Schema(description = "The fields at fault in a rejected request (400, 404, 409, 422)") List<FieldErrorDto> errors,
		@Schema(description = "The ids of the objects an ambiguous name matches (409)") List<String> candidates,
		@Schema(description = "Seconds to wait before the next request (429), as in the Retry-After header",
				minimum = "1", example = "3") @JsonProperty("retry_after") Long retryAfter){

	/**
	 * One invalid field of a request.
	 *
	 * @param field the field, in JSON property notation ({@code networks[0]})
	 * @param message why it is invalid
	 */
	@Schema(type = "object", description = "One field at fault in a request",
			requiredProperties = { "field", "message" })
	public record FieldErrorDto(
			@Schema(description = "The field, in JSON property notation; a query parameter or header by its name",
					example = "networks[0]") String field,
			@Schema(description = "Why it is at fault", example = "must not be blank") String message) {
	}

}
