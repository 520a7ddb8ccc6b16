package io.stackgate.testing.hostile;

import java.util.List;
import java.util.function.Function;

import io.stackgate.testing.hostile.ApiDescription.Operation;

/**
 * Generates requests from the OpenAPI description: for a random operation, a valid
 * request or one mutation of it, picked among the families of mutations: of the body
 * ({@link BodyMutations}), of the path and query ({@link ParameterMutations}), of the
 * headers ({@link HeaderMutations}), of the request line ({@link RequestLineMutations})
 * and of the framing ({@link FramingMutations}). The same seed gives the same requests.
 */
public final class RequestGenerator {

	private final Choices choices;

	private final ApiDescription api;

	private final ValidRequests valid;

	/** The mutations to pick from; their order is part of what a seed replays. */
	private final List<Function<RequestDraft, List<HostileRequest>>> mutations;

	public RequestGenerator(long seed, ApiDescription api, Fixtures fixtures) {
		this.choices = new Choices(seed);
		this.api = api;
		this.valid = new ValidRequests(this.choices, fixtures);
		BodyMutations body = new BodyMutations(this.choices, fixtures);
		ParameterMutations parameters = new ParameterMutations(this.choices, this.valid);
		HeaderMutations headers = new HeaderMutations(this.choices, fixtures);
		RequestLineMutations requestLine = new RequestLineMutations(this.choices);
		this.mutations = List.of(body::wrongType, body::longString, body::strangeText, body::number, body::duplicateKey,
				body::missingField, body::unknownField, body::notAnObject, body::contentType, parameters::pathSegment,
				parameters::queryValue, parameters::queryDuplicate, headers::credentials, headers::oversizedHeader,
				headers::idempotencyKey, requestLine::method, requestLine::rawTarget, body::replay,
				headers::headerControl, requestLine::version, new FramingMutations(this.choices)::framing);
	}

	/**
	 * @return the next requests: one, or a few that belong together (a replay)
	 */
	public List<HostileRequest> next() {
		Operation operation = this.choices.pick(this.api.operations());
		RequestDraft valid = this.valid.of(operation);
		if (this.choices.nextInt(5) == 0) {
			return List.of(valid.build("valid"));
		}
		for (int attempt = 0; attempt < 20; attempt++) {
			List<HostileRequest> mutated = this.choices.pick(this.mutations).apply(valid);
			if (!mutated.isEmpty()) {
				return mutated;
			}
		}
		return List.of(valid.build("valid"));
	}

}
