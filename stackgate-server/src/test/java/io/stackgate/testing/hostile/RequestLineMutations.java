package io.stackgate.testing.hostile;

import java.util.List;

/**
 * Mutations of the request line: an odd method, a raw target that no client library would
 * send, another protocol version.
 */
final class RequestLineMutations {

	private final Choices choices;

	RequestLineMutations(Choices choices) {
		this.choices = choices;
	}

	List<HostileRequest> method(RequestDraft valid) {
		RequestDraft copy = valid.copy();
		copy.method = this.choices.pick(Mutations.METHODS);
		return List.of(copy.build("method " + copy.method));
	}

	List<HostileRequest> rawTarget(RequestDraft valid) {
		RequestDraft copy = valid.copy();
		copy.rawTarget = this.choices.pick(Mutations.RAW_TARGETS);
		return List.of(copy.build("target " + copy.rawTarget));
	}

	List<HostileRequest> version(RequestDraft valid) {
		RequestDraft copy = valid.copy();
		copy.version = this.choices.pick(Mutations.VERSIONS);
		return List.of(copy.build("version '" + copy.version + "'"));
	}

}
