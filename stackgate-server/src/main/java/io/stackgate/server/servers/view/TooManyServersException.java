package io.stackgate.server.servers.view;

/**
 * A project has more servers than a view may hold ({@code stackgate.live.max-servers}).
 */
final class TooManyServersException extends RuntimeException {

	TooManyServersException(String projectId, int count, int max) {
		super("Project " + projectId + " has " + count + " servers, more than a live view holds (" + max + ")");
	}

}
