package io.stackgate.server.problem;

import java.util.List;

/**
 * A request names a flavor, image or network by id or name, and the name matches no
 * object (404) or several (409).
 */
public class UnresolvedReferenceException extends RuntimeException {

	private final String field;

	private final String reason;

	private final List<String> candidates;

	private UnresolvedReferenceException(String field, String reason, List<String> candidates) {
		super(field + ": " + reason);
		this.field = field;
		this.reason = reason;
		this.candidates = candidates;
	}

	/**
	 * @param field the request field, for example {@code networks[1]}
	 * @param kind what was looked for, for example {@code network}
	 * @param reference the id or name given
	 */
	public static UnresolvedReferenceException notFound(String field, String kind, String reference) {
		return new UnresolvedReferenceException(field,
				"no " + kind + " with the id or name '" + reference + "' in this project", List.of());
	}

	/**
	 * @param candidates the ids of the objects the name matches
	 */
	public static UnresolvedReferenceException ambiguous(String field, String kind, String reference,
			List<String> candidates) {
		return new UnresolvedReferenceException(field,
				candidates.size() + " " + kind + "s are named '" + reference + "'; give one of their ids instead",
				List.copyOf(candidates));
	}

	/**
	 * @return the request field at fault
	 */
	public String field() {
		return this.field;
	}

	/**
	 * @return what is wrong with the field
	 */
	public String reason() {
		return this.reason;
	}

	/**
	 * @return the ids an ambiguous name matches; empty when nothing matched
	 */
	public List<String> candidates() {
		return this.candidates;
	}

	/**
	 * @return whether the name matched several objects
	 */
	public boolean isAmbiguous() {
		return !this.candidates.isEmpty();
	}

}
