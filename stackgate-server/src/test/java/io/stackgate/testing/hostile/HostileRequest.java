package io.stackgate.testing.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One generated request, as bytes go on the wire.
 *
 * @param operation the operation it was generated from, for example
 * {@code POST /api/v1/servers}
 * @param mutation what was changed from a valid request, {@code valid} for none
 * @param method the method sent
 * @param target the raw request target, path and query, already encoded (or not) as it
 * should be sent
 * @param headers the headers sent, in order, duplicates allowed
 * @param body the body, or {@code null}
 * @param idempotencyKey the Idempotency-Key sent, or {@code null}
 * @param version the protocol version of the request line, {@code HTTP/1.1} say; empty
 * for none (HTTP/0.9: the request line alone is sent)
 */
public record HostileRequest(String operation, String mutation, String method, String target, List<String[]> headers,
		byte[] body, String idempotencyKey, String version) {

	/** An HTTP/1.1 request. */
	public HostileRequest(String operation, String mutation, String method, String target, List<String[]> headers,
			byte[] body, String idempotencyKey) {
		this(operation, mutation, method, target, headers, body, idempotencyKey, "HTTP/1.1");
	}

	/**
	 * @return whether the request may change the cloud: everything but reads
	 */
	public boolean mayWrite() {
		return !List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(this.method);
	}

	/**
	 * @return a line to replay or read it: operation, mutation, method, target, a body
	 * excerpt
	 */
	public String describe() {
		String text = (this.body != null) ? new String(this.body, StandardCharsets.UTF_8) : "";
		String excerpt = (text.length() > 160) ? text.substring(0, 160) + "...(" + text.length() + " chars)" : text;
		String target = (this.target.length() > 160) ? this.target.substring(0, 160) + "..." : this.target;
		return this.operation + " [" + this.mutation + "] " + this.method + " " + target + " " + excerpt;
	}

}
