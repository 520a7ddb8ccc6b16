package io.stackgate.server.problem;

/**
 * An object the request names does not exist, or the caller cannot see it.
 */
public class ResourceNotFoundException extends RuntimeException {

	/**
	 * @param kind what was looked for, for example {@code server}
	 * @param id how it was named
	 */
	public ResourceNotFoundException(String kind, String id) {
		super("No " + kind + " '" + id + "' in this project");
	}

}
