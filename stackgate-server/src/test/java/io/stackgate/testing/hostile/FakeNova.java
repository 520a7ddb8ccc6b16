package io.stackgate.testing.hostile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Nova that remembers: servers and keypairs kept in memory, with Nova's exact tag
 * filter, its regular expression name filter, limit and marker, and 409 for a keypair
 * that exists. It lets the hostile suite check on WireMock what it checks on the real
 * cloud. Every server ever created is remembered in {@link #created()}, so that a create
 * that was rolled back still shows.
 */
public final class FakeNova implements ResponseDefinitionTransformerV2 {

	public static final String NAME = "fake-nova";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, ObjectNode> servers = new ConcurrentHashMap<>();

	private final Set<String> created = ConcurrentHashMap.newKeySet();

	private final Map<String, String> keypairs = new ConcurrentHashMap<>();

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public boolean applyGlobally() {
		return false;
	}

	/**
	 * @return the id of every server ever created, deleted ones too
	 */
	public Set<String> created() {
		return Set.copyOf(this.created);
	}

	public void delete(String id) {
		this.servers.remove(id);
	}

	@Override
	public ResponseDefinition transform(ServeEvent event) {
		Request request = event.getRequest();
		String path = request.getUrl().replaceAll("\\?.*", "").replaceFirst("^/compute/v2\\.1", "");
		String method = request.getMethod().getName();
		if (path.startsWith("/os-keypairs")) {
			return keypair(method, path, request);
		}
		if (method.equals("POST") && path.equals("/servers")) {
			return create(JSON.readTree(request.getBodyAsString()).path("server"));
		}
		if (method.equals("GET") && (path.equals("/servers") || path.equals("/servers/detail"))) {
			return list(request);
		}
		String id = path.replaceFirst("^/servers/", "");
		ObjectNode server = path.startsWith("/servers/") ? this.servers.get(id) : null;
		if (server == null) {
			return json(404, "{\"itemNotFound\": {\"code\": 404, \"message\": \"Instance could not be found.\"}}");
		}
		if (method.equals("DELETE")) {
			this.servers.remove(id);
			return json(204, null);
		}
		return json(200, JSON.createObjectNode().set("server", server).toString());
	}

	private ResponseDefinition create(JsonNode spec) {
		String id = UUID.randomUUID().toString();
		ObjectNode server = JSON.createObjectNode();
		server.put("id", id).put("name", spec.path("name").asString()).put("status", "ACTIVE");
		server.put("created", Instant.now().toString().replaceAll("\\.\\d+", ""));
		server.putObject("flavor").put("id", spec.path("flavorRef").asString());
		server.putObject("image").put("id", spec.path("imageRef").asString());
		server.putObject("addresses");
		server.set("metadata", spec.path("metadata").isObject() ? spec.path("metadata") : JSON.createObjectNode());
		server.set("tags", spec.path("tags").isArray() ? spec.path("tags") : JSON.createArrayNode());
		this.servers.put(id, server);
		this.created.add(id);
		return json(202, "{\"server\": {\"id\": \"" + id + "\", \"links\": []}}");
	}

	private ResponseDefinition list(Request request) {
		String name = query(request, "name");
		String tags = query(request, "tags");
		String marker = query(request, "marker");
		int limit = (query(request, "limit") != null) ? Integer.parseInt(query(request, "limit")) : 1000;
		Pattern pattern;
		try {
			pattern = (name != null) ? Pattern.compile(name) : null;
		}
		catch (PatternSyntaxException ex) {
			return json(400, "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid regex\"}}");
		}
		List<ObjectNode> sorted = new ArrayList<>(this.servers.values());
		sorted.sort((a, b) -> a.path("id").asString().compareTo(b.path("id").asString()));
		List<ObjectNode> page = new ArrayList<>();
		boolean afterMarker = (marker == null);
		for (ObjectNode server : sorted) {
			if (!afterMarker) {
				afterMarker = server.path("id").asString().equals(marker);
				continue;
			}
			if ((pattern == null || pattern.matcher(server.path("name").asString()).find())
					&& (tags == null || hasTags(server, tags)) && page.size() < limit) {
				page.add(server);
			}
		}
		ObjectNode body = JSON.createObjectNode();
		body.putArray("servers").addAll(page);
		return json(200, body.toString());
	}

	private static boolean hasTags(ObjectNode server, String tags) {
		List<String> has = new ArrayList<>();
		server.path("tags").forEach((t) -> has.add(t.asString()));
		return has.containsAll(List.of(tags.split(",")));
	}

	private ResponseDefinition keypair(String method, String path, Request request) {
		if (method.equals("POST")) {
			String name = JSON.readTree(request.getBodyAsString()).path("keypair").path("name").asString();
			if (this.keypairs.putIfAbsent(name, Instant.now().toString()) != null) {
				return json(409, "{\"conflictingRequest\": {\"code\": 409, \"message\": \"Key pair exists\"}}");
			}
			return json(200, "{\"keypair\": {\"name\": \"" + name + "\", \"public_key\": \"ssh-ed25519 x\"}}");
		}
		String name = path.replaceFirst("^/os-keypairs/", "");
		String createdAt = this.keypairs.get(name);
		if (createdAt == null) {
			return json(404, "{\"itemNotFound\": {\"code\": 404, \"message\": \"Keypair not found\"}}");
		}
		if (method.equals("DELETE")) {
			this.keypairs.remove(name);
			return json(202, null);
		}
		return json(200, "{\"keypair\": {\"name\": \"" + name + "\", \"created_at\": \"" + createdAt + "\"}}");
	}

	private static String query(Request request, String name) {
		var parameter = request.queryParameter(name);
		return (parameter != null && parameter.isPresent()) ? parameter.firstValue() : null;
	}

	private static ResponseDefinition json(int status, String body) {
		var response = new com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Openstack-Request-Id", "req-" + UUID.randomUUID());
		if (body != null) {
			response.withBody(body);
		}
		return response.build();
	}

}
