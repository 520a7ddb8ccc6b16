package io.stackgate.cli.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

import io.stackgate.api.ProblemDto;
import io.stackgate.cli.json.Json;
import io.stackgate.cli.json.JsonException;

/**
 * Sends one request to the gateway and turns error responses into
 * {@link ProblemException}s.
 * <p>
 * Built on {@link HttpURLConnection} rather than {@code java.net.http.HttpClient}: in a
 * process that makes one or two requests, HttpClient costs about 250 ms of start-up (its
 * SSL context, executor and selector thread), HttpURLConnection about 25 ms
 * (docs/performance.md).
 */
final class HttpTransport {

	private final Credentials credentials;

	private final Duration timeout;

	private final String userAgent;

	private final Consumer<String> trace;

	private final SSLSocketFactory tls;

	/**
	 * Creates a transport.
	 * @param credentials what to authenticate with
	 * @param timeout connect and read timeout of each request
	 * @param userAgent the {@code User-Agent} header
	 * @param trace receives one line per request and response (for {@code --debug}),
	 * never a secret
	 * @param tls for a gateway behind TLS, one that trusts the CA of
	 * {@code STACKGATE_CACERT}; {@code null} for the JDK's trust (built only when used:
	 * it costs start-up)
	 */
	HttpTransport(Credentials credentials, Duration timeout, String userAgent, Consumer<String> trace,
			SSLSocketFactory tls) {
		this.credentials = credentials;
		this.timeout = timeout;
		this.userAgent = userAgent;
		this.trace = trace;
		this.tls = tls;
	}

	/**
	 * Sends a request.
	 * @param method the HTTP method
	 * @param uri the URL
	 * @param jsonBody the JSON body, or {@code null}
	 * @param headers extra request headers
	 * @return the response, whose status is below 400
	 * @throws ProblemException for an error status
	 * @throws GatewayUnreachableException when the gateway cannot be reached or does not
	 * answer in time
	 */
	HttpResponse send(String method, URI uri, String jsonBody, Map<String, String> headers) {
		long start = System.nanoTime();
		try {
			HttpURLConnection connection = open(method, uri, "application/json, application/problem+json", this.timeout,
					headers);
			if (jsonBody != null) {
				byte[] bytes = jsonBody.getBytes(StandardCharsets.UTF_8);
				// Not in streaming mode: HttpURLConnection drops the body of a 401 to a
				// streamed request.
				connection.setDoOutput(true);
				connection.setRequestProperty("Content-Type", "application/json");
				try (OutputStream out = connection.getOutputStream()) {
					out.write(bytes);
				}
			}
			int status = connection.getResponseCode();
			String body = readBody(connection, status);
			return answer(method, uri, connection, status, body, start);
		}
		catch (IOException ex) {
			this.trace.accept("< " + ex);
			throw new GatewayUnreachableException(method, uri, ex);
		}
	}

	/**
	 * Sends a {@code GET} for an event stream and hands its lines over as they arrive,
	 * until the gateway ends it.
	 * @param uri the URL
	 * @param headers extra request headers
	 * @param idle how long the stream may stay silent (the gateway sends heartbeats)
	 * before it counts as lost
	 * @param lines receives each line of the stream, without its line end
	 * @throws ProblemException for an error status
	 * @throws GatewayUnreachableException when the gateway cannot be reached, or the
	 * stream is lost
	 */
	void stream(URI uri, Map<String, String> headers, Duration idle, Consumer<String> lines) {
		long start = System.nanoTime();
		try {
			HttpURLConnection connection = open("GET", uri, "text/event-stream, application/problem+json", idle,
					headers);
			int status = connection.getResponseCode();
			if (status >= 300) {
				answer("GET", uri, connection, status, readBody(connection, status), start);
			}
			this.trace.accept("< " + status + " " + connection.getResponseMessage() + " (stream)");
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					lines.accept(line);
				}
			}
		}
		catch (IOException ex) {
			this.trace.accept("< " + ex);
			throw new GatewayUnreachableException("GET", uri, ex);
		}
	}

	private HttpURLConnection open(String method, URI uri, String accept, Duration readTimeout,
			Map<String, String> headers) throws IOException {
		this.trace.accept("> " + method + " " + uri);
		HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
		if (this.tls != null && connection instanceof HttpsURLConnection https) {
			https.setSSLSocketFactory(this.tls);
		}
		connection.setRequestMethod(method);
		connection.setConnectTimeout((int) this.timeout.toMillis());
		connection.setReadTimeout((int) readTimeout.toMillis());
		connection.setUseCaches(false);
		connection.setRequestProperty("Accept", accept);
		connection.setRequestProperty("User-Agent", this.userAgent);
		if (this.credentials.headerName() != null) {
			connection.setRequestProperty(this.credentials.headerName(), this.credentials.headerValue());
		}
		headers.forEach(connection::setRequestProperty);
		return connection;
	}

	private HttpResponse answer(String method, URI uri, HttpURLConnection connection, int status, String body,
			long start) throws IOException {
		String reason = connection.getResponseMessage();
		this.trace.accept("< " + status + " " + reason + " (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
		HttpResponse response = new HttpResponse(status, connection.getHeaderFields(), body);
		if (status >= 400) {
			throw new ProblemException(method, uri, problem(method, uri, response, reason));
		}
		return response;
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
				// Not a problem body (a proxy's error page, say): describe the response
				// instead.
			}
		}
		return new ProblemDto(null, (reason != null) ? reason : "HTTP " + response.status(), response.status(),
				method + " " + uri.getPath() + " answered HTTP " + response.status() + " without a problem description",
				uri.getPath(), response.header("X-Openstack-Request-Id"), null, null, null, null, null, null);
	}

	private static ProblemDto withStatus(ProblemDto problem, int status, String reason) {
		String title = (problem.title() != null) ? problem.title() : (reason != null) ? reason : "HTTP " + status;
		return new ProblemDto(problem.type(), title, status, problem.detail(), problem.instance(), problem.requestId(),
				problem.openstackService(), problem.upstreamStatus(), problem.openstackRequestId(), problem.errors(),
				problem.candidates(), problem.retryAfter());
	}

}
