package io.stackgate.testing.hostile;

import java.util.List;

/**
 * The hostile values the generator picks from: the kinds of input that broke the gateway
 * before, and their neighbours.
 */
final class Mutations {

	/**
	 * Strings with unicode, control and markup characters, as JSON string contents
	 * (already escaped).
	 */
	static final List<String> STRANGE_TEXT = List.of("\\u0000", "a\\u0007b", "tab\\there", "line\\nbreak",
			"\\u202eevil", "\\ud83d\\ude80rocket", "\\ud800", "e\\u0301", "<script>", "../../etc", "%00", "%2e%2e",
			"a/b", "a?b=c", "a#b", "'; drop", "\\u00e9t\\u00e9", "\\u4e2d\\u6587", "(", "[", "*", "\\\\", "\\u007f",
			"\\ufeffbom", " lead", "trail ", "  ", "");

	/** JSON numbers at and past the limits of int and long, and not integers at all. */
	static final List<String> NUMBERS = List.of("0", "-1", "1", "2", "10", "11", "2147483647", "2147483648",
			"-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e400", "1.5", "-0",
			"1e2", "100000000000000000000000000000");

	/** JSON values of the wrong type for most fields. */
	static final List<String> WRONG_TYPES = List.of("42", "\"text\"", "true", "null", "[]", "{}", "[\"a\"]",
			"{\"a\": 1}", "1.5");

	/** Path segments that cannot be ids, already as they go on the wire. */
	static final List<String> PATH_SEGMENTS = List.of("..", "%2e%2e", ".", "%2e", "detail", "%2F", "a%2Fb", "%00",
			"a%00b", "%3Fall_tenants=1", "x%3Flimit=1", "a%23b", "%20", "%0d%0aX-Injected:%201", "%E2%80%AE",
			"%C0%AE%C0%AE", "..%2F..%2F", ";", "a;b=c", "%25", "%252e%252e", "%ff", "0", "-1",
			"00000000-0000-0000-0000-000000000000", "%7B%7D", "%5C", "tags", "action");

	/** Query values of the wrong shape, already encoded. */
	static final List<String> QUERY_VALUES = List.of("abc", "0", "-1", "1001", "2147483648", "9223372036854775808",
			"1.5", "", "%00", "%0a", "maybe", "TRUE", "(", "%5B", "*", "%25", "%ff", "a%26limit%3D1", "%E2%80%AE");

	/**
	 * Methods besides the described ones: HTTP's and WebDAV's, the HTTP/2 preface's,
	 * unknown, lower case, overlong and invalid tokens.
	 */
	static final List<String> METHODS = List.of("TRACE", "PATCH", "PUT", "HEAD", "OPTIONS", "FOO", "get", "DELETE",
			"POST", "GET", "CONNECT", "PRI", "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE", "LOCK", "UNLOCK",
			"SEARCH", "PURGE", "LINK", "M".repeat(300), "G(T", "GE\tT", "");

	/**
	 * Protocol versions of the request line; the empty one sends the request line alone
	 * (HTTP/0.9).
	 */
	static final List<String> VERSIONS = List.of("HTTP/1.0", "HTTP/1.2", "HTTP/2.0", "HTTP/2", "HTTP/3", "HTTP/1",
			"HTTP/11", "HTTP/", "HTTP/9.9", "HTTP/0.9", "http/1.1", "HTTP/1.1x", "XYZ", "");

	/** Transfer codings, alone and in lists, known to HTTP or not. */
	static final List<String> TRANSFER_CODINGS = List.of("chunked", "gzip", "x-gzip", "identity", "compress", "deflate",
			"br", "foo", "gzip, chunked", "chunked, gzip", "chunked, chunked", "Chunked");

	/** Content-Length values that are no length. */
	static final List<String> BAD_LENGTHS = List.of("-1", "abc", "1.5", "0x10", "1,1", "");

	/** Raw request targets that no client library would send. */
	static final List<String> RAW_TARGETS = List.of("//api/v1/servers", "/api/v1/servers/", "/api/v1/../v1/servers",
			"/api/v1/servers;jsessionid=x", "/api/v1/%73ervers", "/api/v1/servers?%", "/api/v1/servers?a=%zz",
			"/api/v1/servers/%00", "/api/v1/servers/a%2Fb", "/api/v1/flavors%00", "/api/v1/%2e%2e/v1/flavors",
			"/api/v1/servers/..;/flavors", "/api/v1/nothing", "/api/v1", "/", "/error", "/api/v1/servers/%2e%2e",
			"/api/v1/servers/detail", "/api/v1/servers/%3F", "/api/v1/servers/%5C..%5C", "*", "/api/v1/servers/\u00e9",
			"/api/v1/servers?name=%00", "/actuator", "/actuator/nope", "/actuator/health/nope",
			"/actuator/health/readiness/x", "http://127.0.0.1/api/v1/flavors", "example.com:443");

	private Mutations() {
	}

}
