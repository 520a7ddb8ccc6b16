package io.stackgate.server.servers;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.ServerPage;
import io.stackgate.server.cloud.ServerQuery;
import io.stackgate.server.web.InvalidRequestException;
import io.stackgate.server.web.ResourceNotFoundException;

/**
 * The project's servers. Lists are paged with {@code limit} and {@code marker}; when there is a next page the
 * answer has a {@code Link: <...>; rel="next"} header.
 */
@RestController
@RequestMapping("/api/v1/servers")
class ServerController {

	private final ServerService servers;

	ServerController(ServerService servers) {
		this.servers = servers;
	}

	@GetMapping
	ResponseEntity<List<ServerDto>> list(@RequestParam(required = false) String name,
			@RequestParam(required = false) String status,
			@RequestParam(required = false) @Min(1) @Max(1000) Integer limit,
			@RequestParam(required = false) String marker, CallContext context,
			UriComponentsBuilder uri) {
		ServerPage page = this.servers.list(context, new ServerQuery(name, parseStatus(status), limit, marker));
		ResponseEntity.BodyBuilder response = ResponseEntity.ok();
		if (page.nextMarker() != null) {
			String next = uri.path("/api/v1/servers")
				.queryParamIfPresent("name", java.util.Optional.ofNullable(name))
				.queryParamIfPresent("status", java.util.Optional.ofNullable(status))
				.queryParam("limit", limit)
				.queryParam("marker", page.nextMarker())
				.build()
				.toUriString();
			response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
		}
		return response.body(page.servers());
	}

	@GetMapping("/{id}")
	ServerDto show(@PathVariable String id, CallContext context) {
		return this.servers.find(context, id).orElseThrow(() -> new ResourceNotFoundException("server", id));
	}

	private static ServerStatus parseStatus(String status) {
		if (status == null) {
			return null;
		}
		ServerStatus parsed = ServerStatus.fromNova(status);
		if (parsed == ServerStatus.UNKNOWN) {
			throw InvalidRequestException.badField("status", "'" + status + "' is not a server status, expected one of "
					+ java.util.Arrays.toString(ServerStatus.values()));
		}
		return parsed;
	}

}
