package io.stackgate.testing.hostile;

import java.util.ArrayList;
import java.util.List;

import io.stackgate.testing.hostile.ApiDescription.Parameter;

/**
 * Mutations of the path and the query: a path segment that cannot be an id, a query value
 * of the wrong shape, a query parameter twice or one the operation does not know.
 */
final class ParameterMutations {

	private final Choices choices;

	private final ValidRequests valid;

	ParameterMutations(Choices choices, ValidRequests valid) {
		this.choices = choices;
		this.valid = valid;
	}

	List<HostileRequest> pathSegment(RequestDraft valid) {
		if (valid.path.isEmpty()) {
			return List.of();
		}
		RequestDraft copy = valid.copy();
		String segment = this.choices.nextInt(8) == 0 ? "x".repeat(this.choices.pick(List.of(256, 5000)))
				: this.choices.pick(Mutations.PATH_SEGMENTS);
		copy.path.put(this.choices.pick(new ArrayList<>(valid.path.keySet())), segment);
		copy.encodePath = false;
		return List.of(copy.build("path segment " + (segment.length() > 30 ? "long" : segment)));
	}

	List<HostileRequest> queryValue(RequestDraft valid) {
		List<Parameter> query = queryParameters(valid);
		if (query.isEmpty()) {
			return List.of();
		}
		RequestDraft copy = valid.copy();
		Parameter parameter = this.choices.pick(query);
		String value = this.choices.nextInt(10) == 0 ? "q".repeat(10_000) : this.choices.pick(Mutations.QUERY_VALUES);
		copy.query.put(parameter.name(), value);
		copy.encodeQuery = false;
		return List.of(copy.build("query " + parameter.name() + "=" + (value.length() > 30 ? "long" : value)));
	}

	List<HostileRequest> queryDuplicate(RequestDraft valid) {
		List<Parameter> query = queryParameters(valid);
		RequestDraft copy = valid.copy();
		if (query.isEmpty() || this.choices.nextBoolean()) {
			copy.extraQuery = this.choices
				.pick(List.of("all_tenants=1", "foo=bar", "limit", "=", "&&", "marker=abc", "tags=x"));
			return List.of(copy.build("extra query " + copy.extraQuery));
		}
		Parameter parameter = this.choices.pick(query);
		copy.extraQuery = parameter.name() + "=" + this.valid.parameterValue(parameter);
		return List.of(copy.build("duplicate query " + parameter.name()));
	}

	private static List<Parameter> queryParameters(RequestDraft valid) {
		return valid.operation.parameters().stream().filter((p) -> p.in().equals("query")).toList();
	}

}
