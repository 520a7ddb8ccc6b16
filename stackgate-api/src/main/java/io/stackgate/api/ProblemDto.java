package io.stackgate.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}): the body of every error response.
 *
 * @param type a stable URI naming the kind of problem, see {@link ProblemTypes}
 * @param title a short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong this time
 * @param instance the request path
 * @param requestId the gateway's request id, also in the {@code X-Openstack-Request-Id} header
 * @param openstackService the OpenStack service that failed ({@code compute}, {@code image}, ...), if any
 * @param upstreamStatus the HTTP status that service answered, if it answered
 * @param openstackRequestId the request id the OpenStack service logged, if it answered
 * @param errors the invalid fields of a rejected request
 */
public record ProblemDto(String type, String title, int status, String detail, String instance,
		@JsonProperty("request_id") String requestId, @JsonProperty("openstack_service") String openstackService,
		@JsonProperty("upstream_status") Integer upstreamStatus,
		@JsonProperty("openstack_request_id") String openstackRequestId, List<FieldErrorDto> errors) {

	/**
	 * One invalid field of a request.
	 *
	 * @param field the field, in JSON property notation ({@code networks[0]})
	 * @param message why it is invalid
	 */
	public record FieldErrorDto(String field, String message) {
	}

}
