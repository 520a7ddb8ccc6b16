package io.stackgate.server.problem;

/**
 * The caller is known but may not make this request: an API key that only reads, a client
 * outside the allowed networks.
 */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String detail) {
		super(detail);
	}

}
