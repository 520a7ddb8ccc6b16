package io.stackgate.cli.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import io.stackgate.api.ProblemDto;
import io.stackgate.cli.json.Json;
import io.stackgate.cli.json.JsonException;

/**
 * Sends one request to the gateway and turns error responses into {@link ProblemException}s.
 * <p>
 * Built on {@link HttpURLConnection} rather than {@code java.net.http.HttpClient}: in a process that makes one
 * or two requests, HttpClient costs about 250 ms of start-up (its SSL context, executor and selector thread),
 * HttpURLConnection about 25 ms (docs/performance.md).
 */
final class HttpTransport {

	private final Credentials credentials;

	private final Duration timeout;

	private final String userAgent;

	private final Consumer<String> trace;

	/**
	 * Creates a transport.
	 * @param credentials what to authenticate with
	 * @param timeout connect and read timeout of each request
	 * @param userAgent the {@code User-Agent} header
	 * @param trace receives one line per request and response (for {@code --debug}), never a secret
	 */
	HttpTransport(Credentials credentials, Duration timeout, String userAgent, Consumer<String> trace) {
		this.credentials = credentials;
		this.timeout = timeout;
		this.userAgent = userAgent;
		this.trace = trace;
	}

	/**
	 * Sends a request.
	 * @param method the HTTP method
	 * @param uri the URL
	 * @param jsonBody the JSON body, or {@code null}
	 * @param headers extra request headers
	 * @return the response, whose status is below 400
	 * @throws ProblemException for an error status
	 * @throws GatewayUnreachableException when the gateway cannot be reached or does not answer in time
	 */
	HttpResponse send(String method, URI uri, String jsonBody, Map<String, String> headers) {
		long start = System.nanoTime();
		this.trace.accept("> " + method + " " + uri);
		HttpURLConnection connection = null;
		try {
			connection = (HttpURLConnection) uri.toURL().openConnection();
			connection.setRequestMethod(method);
			connection.setConnectTimeout((int) this.timeout.toMillis());
			connection.setReadTimeout((int) this.timeout.toMillis());
			connection.setUseCaches(false);
			connection.setRequestProperty("Accept", "application/json, application/problem+json");
			connection.setRequestProperty("User-Agent", this.userAgent);
			if (this.credentials.headerName() != null) {
				connection.setRequestProperty(this.credentials.headerName(), this.credentials.headerValue());
			}
			headers.forEach(connection::setRequestProperty);
			if (jsonBody != null) {
				byte[] bytes = jsonBody.getBytes(StandardCharsets.UTF_8);
				// Not in streaming mode: HttpURLConnection drops the body of a 401 to a streamed request.
				connection.setDoOutput(true);
				connection.setRequestProperty("Content-Type", "application/json");
				try (OutputStream out = connection.getOutputStream()) {
					out.write(bytes);
				}
			}
			int status = connection.getResponseCode();
			String reason = connection.getResponseMessage();
			String body = readBody(connection, status);
			this.trace.accept("< " + status + " " + reason + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
			HttpResponse response = new HttpResponse(status, connection.getHeaderFields(), body);
			if (status >= 400) {
				throw ProblemException.of(method, uri, problem(method, uri, response, reason));
			}
			return response;
		}
		catch (IOException ex) {
			this.trace.accept("< " + ex);
			throw new GatewayUnreachableException(method, uri, ex);
		}
	}

	private static String readBody(HttpURLConnection connection, int status) throws IOException {
		try (InputStream in = (status >= 400) ? connection.getErrorStream() : connection.getInputStream()) {
			return (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "";
		}
	}

	private static ProblemDto problem(String method, URI uri, HttpResponse response, String reason) {
		String body = response.body();
		if (body.startsWith("{")) {
			try {
				ProblemDto problem = Json.read(body, ProblemDto.class);
				if (problem.title() != null || problem.detail() != null) {
					return withStatus(problem, response.status(), reason);
				}
			}
			catch (JsonException ex) {
				// Not a problem body (a proxy's error page, say): describe the response instead.
			}
		}
		return new ProblemDto(null, (reason != null) ? reason : "HTTP " + response.status(), response.status(),
				method + " " + uri.getPath() + " answered HTTP " + response.status() + " without a problem description",
				uri.getPath(), response.header("X-Openstack-Request-Id"), null, null, null, null, null, null);
	}

	private static ProblemDto withStatus(ProblemDto problem, int status, String reason) {
		String title = (problem.title() != null) ? problem.title() : (reason != null) ? reason : "HTTP " + status;
		return new ProblemDto(problem.type(), title, status, problem.detail(), problem.instance(),
				problem.requestId(), problem.openstackService(), problem.upstreamStatus(),
				problem.openstackRequestId(), problem.errors(), problem.candidates(), problem.retryAfter());
	}

}
