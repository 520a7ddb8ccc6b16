package io.stackgate.server.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.stackgate.server.StackgateApplication;

/**
 * A gateway started in this JVM on a free port, and a plain HTTP client for it. Several
 * can run at once, and one can be stopped and started again, as an operator would restart
 * the daemon.
 */
final class Gateway implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final ConfigurableApplicationContext context;

	private final String baseUrl;

	private final Map<String, String> headers;

	private Gateway(ConfigurableApplicationContext context, Map<String, String> headers) {
		this.context = context;
		this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
		this.headers = headers;
	}

	/**
	 * @param header a header that authenticates, {@code X-Auth-Token} or
	 * {@code X-API-Key}
	 * @param value its value
	 * @return a client of the same gateway that sends the header with every request;
	 * closing either stops the gateway
	 */
	Gateway as(String header, String value) {
		return new Gateway(this.context, Map.of(header, value));
	}

	/**
	 * @return a client of the same gateway that sends no credentials
	 */
	Gateway anonymous() {
		return new Gateway(this.context, Map.of());
	}

	/**
	 * @return a bean of the running gateway, for example its meter registry
	 */
	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/**
	 * @param properties extra {@code stackgate.*} settings
	 * @return a started gateway
	 */
	static Gateway start(String... properties) {
		return new Gateway(new SpringApplicationBuilder(StackgateApplication.class)
			.properties("stackgate.listen.address=127.0.0.1", "stackgate.listen.port=0",
					"stackgate.launch.poll-interval=1s")
			.properties(properties)
			.run(), Map.of());
	}

	String baseUrl() {
		return this.baseUrl;
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(request(path).GET());
	}

	HttpResponse<String> post(String path, String json, Map<String, String> headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		headers.forEach(request::header);
		return send(request);
	}

	HttpResponse<String> delete(String path) throws IOException, InterruptedException {
		return send(request(path).DELETE());
	}

	HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = request(path).GET();
		headers.forEach(request::header);
		return send(request);
	}

	static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path));
		this.headers.forEach(request::header);
		return request;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Override
	public void close() {
		this.context.close();
	}

}
