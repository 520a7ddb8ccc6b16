package io.stackgate.cli.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

import javax.net.ssl.SSLSocketFactory;

import io.stackgate.api.CreateServerRequest;
import io.stackgate.api.FlavorDto;
import io.stackgate.api.ImageDto;
import io.stackgate.api.LaunchOptionsDto;
import io.stackgate.api.NetworkDto;
import io.stackgate.api.ServerDto;
import io.stackgate.api.TokenDto;
import io.stackgate.api.TokenRequestDto;
import io.stackgate.cli.json.Json;
import io.stackgate.cli.json.JsonException;

/**
 * The gateway's {@code /api/v1} routes as methods. Every method throws a
 * {@link ProblemException} when the gateway answers with an error,
 * {@link GatewayUnreachableException} when it cannot be reached and
 * {@link UnexpectedResponseException} when its answer cannot be read.
 */
public class GatewayClient {

	private final URI baseUrl;

	private final HttpTransport transport;

	/**
	 * Creates a client.
	 * @param baseUrl the gateway's URL, for example {@code http://127.0.0.1:8080}
	 * @param credentials what to authenticate with
	 * @param timeout connect and read timeout of each request
	 * @param userAgent the {@code User-Agent} header
	 * @param trace receives a line per request and response, for {@code --debug}
	 * @param tls for a gateway behind TLS with a CA of its own, {@code null} for the
	 * JDK's trust
	 */
	public GatewayClient(URI baseUrl, Credentials credentials, Duration timeout, String userAgent,
			Consumer<String> trace, SSLSocketFactory tls) {
		String url = baseUrl.toString();
		this.baseUrl = URI.create(url.endsWith("/") ? url : url + "/");
		this.transport = new HttpTransport(credentials, timeout, userAgent, trace, tls);
	}

	/**
	 * {@code POST /api/v1/auth/tokens}: logs in to Keystone through the gateway.
	 * @param request user, password, project and domain
	 * @return the token and its expiry
	 */
	public TokenDto createToken(TokenRequestDto request) {
		return read("POST", resolve("api/v1/auth/tokens"), Json.write(request), Map.of(), TokenDto.class);
	}

	/**
	 * {@code GET /api/v1/flavors}.
	 * @return the flavors
	 */
	public List<FlavorDto> listFlavors() {
		return readList(resolve("api/v1/flavors"), FlavorDto.class);
	}

	/**
	 * {@code GET /api/v1/images}.
	 * @return the images
	 */
	public List<ImageDto> listImages() {
		return readList(resolve("api/v1/images"), ImageDto.class);
	}

	/**
	 * {@code GET /api/v1/networks}.
	 * @return the networks
	 */
	public List<NetworkDto> listNetworks() {
		return readList(resolve("api/v1/networks"), NetworkDto.class);
	}

	/**
	 * {@code GET /api/v1/launch-options}.
	 * @return flavors, images and networks in one
	 */
	public LaunchOptionsDto launchOptions() {
		return read("GET", resolve("api/v1/launch-options"), null, Map.of(), LaunchOptionsDto.class);
	}

	/**
	 * {@code GET /api/v1/servers} with filters.
	 * @param query the filters
	 * @return the first page
	 */
	public ServerPage listServers(ServerQuery query) {
		StringJoiner params = new StringJoiner("&", "?", "").setEmptyValue("");
		addParam(params, "name", query.name());
		addParam(params, "status", (query.status() != null) ? query.status().name() : null);
		addParam(params, "limit", query.limit());
		addParam(params, "marker", query.marker());
		return listServers(resolve("api/v1/servers" + params));
	}

	/**
	 * {@code GET} of a page of servers.
	 * @param pageUrl a URL from {@link ServerPage#next()}
	 * @return that page
	 */
	public ServerPage listServers(URI pageUrl) {
		HttpResponse response = this.transport.send("GET", pageUrl, null, Map.of());
		List<ServerDto> servers = parseList(response, "GET", pageUrl, ServerDto.class);
		String next = LinkHeader.next(response.header("Link"));
		return new ServerPage(servers, (next != null) ? pageUrl.resolve(next) : null);
	}

	/**
	 * {@code GET /api/v1/servers?watch=true}: the current list, then each change, until
	 * the gateway ends the stream.
	 * @param query the filters (no paging: a watch sees every server that matches)
	 * @param lastEventId the id of the last event received, to resume after it, or
	 * {@code null} for a fresh start
	 * @param idle how long the stream may stay silent before it counts as lost
	 * @param events receives each event as it arrives
	 * @throws GatewayUnreachableException when the stream cannot be opened or is lost
	 */
	public void watchServers(ServerQuery query, String lastEventId, Duration idle, Consumer<ServerEvent> events) {
		StringJoiner params = new StringJoiner("&", "?", "");
		params.add("watch=true");
		addParam(params, "name", query.name());
		addParam(params, "status", (query.status() != null) ? query.status().name() : null);
		URI uri = resolve("api/v1/servers" + params);
		Map<String, String> headers = (lastEventId != null) ? Map.of("Last-Event-ID", lastEventId) : Map.of();
		this.transport.stream(uri, headers, idle, new EventStreamReader((event) -> {
			try {
				List<ServerDto> servers = ServerEvent.LIST.equals(event.name())
						? Json.readList(event.data(), ServerDto.class)
						: List.of(Json.read(event.data(), ServerDto.class));
				events.accept(new ServerEvent(event.id(), event.name(), servers));
			}
			catch (JsonException ex) {
				throw new UnexpectedResponseException("GET", uri, 200, ex.getMessage(), ex);
			}
		}));
	}

	/**
	 * {@code GET /api/v1/servers/{id}}.
	 * @param id the server id
	 * @return the server
	 * @throws ProblemException of kind {@code NOT_FOUND} when there is no such server
	 */
	public ServerDto getServer(String id) {
		return read("GET", resolve("api/v1/servers/" + pathSegment(id)), null, Map.of(), ServerDto.class);
	}

	/**
	 * {@code POST /api/v1/servers}: launches one or more servers, without waiting for
	 * them.
	 * @param request what to launch
	 * @param idempotencyKey a fresh random key; the gateway answers a repeated key with
	 * the first result
	 * @return the servers, in {@code BUILD}
	 */
	public List<ServerDto> createServers(CreateServerRequest request, String idempotencyKey) {
		URI uri = resolve("api/v1/servers");
		HttpResponse response = this.transport.send("POST", uri, Json.write(request),
				Map.of("Idempotency-Key", idempotencyKey));
		return parseList(response, "POST", uri, ServerDto.class);
	}

	/**
	 * {@code DELETE /api/v1/servers/{id}}: starts deleting a server.
	 * @param id the server id
	 * @throws ProblemException of kind {@code NOT_FOUND} when there is no such server
	 */
	public void deleteServer(String id) {
		this.transport.send("DELETE", resolve("api/v1/servers/" + pathSegment(id)), null, Map.of());
	}

	private URI resolve(String path) {
		return this.baseUrl.resolve(path);
	}

	private <T> T read(String method, URI uri, String body, Map<String, String> headers, Class<T> type) {
		HttpResponse response = this.transport.send(method, uri, body, headers);
		try {
			return Json.read(response.body(), type);
		}
		catch (JsonException ex) {
			throw new UnexpectedResponseException(method, uri, response.status(), ex.getMessage(), ex);
		}
	}

	private <T> List<T> readList(URI uri, Class<T> type) {
		return parseList(this.transport.send("GET", uri, null, Map.of()), "GET", uri, type);
	}

	private static <T> List<T> parseList(HttpResponse response, String method, URI uri, Class<T> type) {
		try {
			return Json.readList(response.body(), type);
		}
		catch (JsonException ex) {
			throw new UnexpectedResponseException(method, uri, response.status(), ex.getMessage(), ex);
		}
	}

	private static void addParam(StringJoiner params, String name, Object value) {
		if (value != null) {
			params.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
		}
	}

	private static String pathSegment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
