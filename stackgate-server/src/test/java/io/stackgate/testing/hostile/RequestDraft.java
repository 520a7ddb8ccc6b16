package io.stackgate.testing.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stackgate.testing.hostile.ApiDescription.Operation;

/**
 * A request of an operation as the generator makes it valid, and what a mutation may
 * change in it before it is built into a {@link HostileRequest}.
 */
final class RequestDraft {

	final Operation operation;

	private final Fixtures fixtures;

	String method;

	final Map<String, String> path = new LinkedHashMap<>();

	final Map<String, String> query = new LinkedHashMap<>();

	final List<String[]> headers = new ArrayList<>();

	final Map<String, String> fields = new LinkedHashMap<>();

	final List<String[]> duplicates = new ArrayList<>();

	String credential;

	String contentType;

	byte[] rawBody;

	String rawTarget;

	String extraQuery;

	boolean encodePath = true;

	boolean encodeQuery = true;

	String version = "HTTP/1.1";

	RequestDraft(Operation operation, Fixtures fixtures) {
		this.operation = operation;
		this.fixtures = fixtures;
		this.credential = fixtures.credential();
		this.method = operation.method();
		this.contentType = operation.mediaType();
	}

	RequestDraft copy() {
		RequestDraft copy = new RequestDraft(this.operation, this.fixtures);
		copy.method = this.method;
		copy.path.putAll(this.path);
		copy.query.putAll(this.query);
		this.headers.forEach((h) -> copy.headers.add(h.clone()));
		copy.fields.putAll(this.fields);
		copy.duplicates.addAll(this.duplicates);
		copy.credential = this.credential;
		copy.contentType = this.contentType;
		copy.rawBody = this.rawBody;
		copy.rawTarget = this.rawTarget;
		copy.extraQuery = this.extraQuery;
		copy.encodePath = this.encodePath;
		copy.encodeQuery = this.encodeQuery;
		copy.version = this.version;
		return copy;
	}

	/**
	 * @return whether the operation describes a header of that name
	 */
	boolean takesHeader(String name) {
		return this.operation.parameters().stream().anyMatch((p) -> p.in().equals("header") && p.name().equals(name));
	}

	HostileRequest build(String mutation) {
		List<String[]> headers = new ArrayList<>();
		if (this.credential != null) {
			headers.add(new String[] { this.fixtures.authHeader(), this.credential });
		}
		headers.add(new String[] { "Accept", "application/json, application/problem+json" });
		byte[] body = body();
		if (body != null && this.contentType != null && !this.contentType.isEmpty()) {
			headers.add(new String[] { "Content-Type", this.contentType });
		}
		headers.addAll(this.headers);
		// The key only binds operations that take one: elsewhere the header is noise.
		String key = this.headers.stream()
			.filter((h) -> h[0].equals("Idempotency-Key") && takesHeader(h[0]))
			.map((h) -> h[1])
			.findFirst()
			.orElse(null);
		return new HostileRequest(this.operation.toString(), mutation, this.method, target(), headers, body, key,
				this.version);
	}

	private String target() {
		if (this.rawTarget != null) {
			return this.rawTarget;
		}
		String path = this.operation.path();
		for (Map.Entry<String, String> parameter : this.path.entrySet()) {
			String value = this.encodePath ? encode(parameter.getValue()) : parameter.getValue();
			path = path.replace("{" + parameter.getKey() + "}", value);
		}
		List<String> query = new ArrayList<>();
		this.query.forEach((name, value) -> query.add(name + "=" + (this.encodeQuery ? encode(value) : value)));
		if (this.extraQuery != null) {
			query.add(this.extraQuery);
		}
		return query.isEmpty() ? path : path + "?" + String.join("&", query);
	}

	/**
	 * @return the body as sent: the raw body a mutation set, else the fields as a JSON
	 * object, or {@code null} for an operation without a body
	 */
	byte[] body() {
		if (this.rawBody != null) {
			return this.rawBody;
		}
		if (this.operation.body() == null) {
			return null;
		}
		StringBuilder json = new StringBuilder("{");
		this.fields.forEach((key, value) -> json.append(json.length() > 1 ? ", " : "")
			.append('"')
			.append(key)
			.append("\": ")
			.append(value));
		this.duplicates.forEach((d) -> json.append(", \"").append(d[0]).append("\": ").append(d[1]));
		return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
