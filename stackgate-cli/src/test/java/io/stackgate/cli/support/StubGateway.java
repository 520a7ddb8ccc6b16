package io.stackgate.cli.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the gateway on a loopback port (JDK {@link HttpServer}): answers
 * scripted responses per method and path, and records every request so tests can check
 * what the CLI sent.
 */
public final class StubGateway implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, Deque<Response>> responses = new HashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	public StubGateway() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** The base URL, for {@code --url}. */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Scripts a response. Several responses for one route are served in order; the last
	 * one repeats.
	 * @param method the HTTP method
	 * @param pathAndQuery the path, with the query when it matters
	 * ({@code /api/v1/servers?name=vm1})
	 * @param response the response
	 * @return this stub
	 */
	public synchronized StubGateway on(String method, String pathAndQuery, Response response) {
		this.responses.computeIfAbsent(method + " " + pathAndQuery, (key) -> new ArrayDeque<>()).add(response);
		return this;
	}

	/** Every request received so far. */
	public List<Request> requests() {
		return this.requests;
	}

	/** The last request received. */
	public Request lastRequest() {
		return this.requests.get(this.requests.size() - 1);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String path = exchange.getRequestURI().getRawPath();
		String query = exchange.getRequestURI().getRawQuery();
		String pathAndQuery = (query != null) ? path + "?" + query : path;
		this.requests.add(new Request(exchange.getRequestMethod(), pathAndQuery, exchange.getRequestHeaders(), body));
		Response response = next(exchange.getRequestMethod(), pathAndQuery, path);
		response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(response.status(), (bytes.length == 0) ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private synchronized Response next(String method, String pathAndQuery, String path) {
		Deque<Response> queue = this.responses.get(method + " " + pathAndQuery);
		if (queue == null) {
			queue = this.responses.get(method + " " + path);
		}
		if (queue == null) {
			return Response.problem(404, "Not Found", "The stub has no route " + method + " " + pathAndQuery);
		}
		return (queue.size() > 1) ? queue.poll() : queue.peek();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * A recorded request.
	 *
	 * @param method the method
	 * @param pathAndQuery the raw path and query
	 * @param headers the headers
	 * @param body the body
	 */
	public record Request(String method, String pathAndQuery, Headers headers, String body) {

		public String header(String name) {
			return this.headers.getFirst(name);
		}

	}

	/**
	 * A scripted response.
	 *
	 * @param status the status
	 * @param body the body
	 * @param headers extra headers
	 */
	public record Response(int status, String body, Map<String, String> headers) {

		public static Response json(int status, String body) {
			return new Response(status, body, Map.of("Content-Type", "application/json"));
		}

		public static Response json(int status, String body, String headerName, String headerValue) {
			return new Response(status, body, Map.of("Content-Type", "application/json", headerName, headerValue));
		}

		public static Response problem(int status, String title, String detail) {
			return new Response(status,
					"{\"type\":\"https://stackgate.dev/problems/x\",\"title\":\"" + title + "\",\"status\":" + status
							+ ",\"detail\":\"" + detail + "\",\"request_id\":\"req-42\"}",
					Map.of("Content-Type", "application/problem+json"));
		}

		public static Response problemJson(int status, String json) {
			return new Response(status, json, Map.of("Content-Type", "application/problem+json"));
		}

		public static Response empty(int status) {
			return new Response(status, "", Map.of());
		}

	}

}
