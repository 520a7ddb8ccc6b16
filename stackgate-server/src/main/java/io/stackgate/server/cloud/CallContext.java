package io.stackgate.server.cloud;

/**
 * Who calls the cloud, and for which gateway request.
 *
 * @param session the credentials to call with
 * @param requestId the gateway's request id, passed to OpenStack as the global request id
 */
public record CallContext(CloudSession session, String requestId) {
}
