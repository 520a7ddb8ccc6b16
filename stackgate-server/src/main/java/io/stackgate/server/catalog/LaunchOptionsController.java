package io.stackgate.server.catalog;

import java.util.List;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.stackgate.api.FlavorDto;
import io.stackgate.api.ImageDto;
import io.stackgate.api.LaunchOptionsDto;
import io.stackgate.api.NetworkDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cache.ResilientCache.Served;
import io.stackgate.server.concurrent.Futures;

/**
 * The objects a server is launched from. Answers carry an {@code ETag}; send it back in
 * {@code If-None-Match} to get a 304 when nothing changed.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "launch options", description = "What a server can be launched from; cached, with ETags")
class LaunchOptionsController {

	private final LaunchOptionsService launchOptions;

	LaunchOptionsController(LaunchOptionsService launchOptions) {
		this.launchOptions = launchOptions;
	}

	@GetMapping("/flavors")
	@Operation(operationId = "listFlavors", summary = "List the flavors the project may use",
			description = "The flavors the project may launch servers with, public ones and those it was given access to, smallest first as Nova lists them.")
	@Cached
	ResponseEntity<List<FlavorDto>> flavors(CallContext context) {
		return aged(Futures.join(this.launchOptions.flavors(context)));
	}

	@GetMapping("/images")
	@Operation(operationId = "listImages", summary = "List the active images the project may boot",
			description = "The project's own, shared and public images that are active (have data).")
	@Cached
	ResponseEntity<List<ImageDto>> images(CallContext context) {
		return aged(Futures.join(this.launchOptions.images(context)));
	}

	@GetMapping("/networks")
	@Operation(operationId = "listNetworks", summary = "List the networks the project can attach servers to",
			description = "The project's own and shared networks, with their subnets; external networks are listed, flagged external.")
	@Cached
	ResponseEntity<List<NetworkDto>> networks(CallContext context) {
		return aged(Futures.join(this.launchOptions.networks(context)));
	}

	@GetMapping("/launch-options")
	@Operation(operationId = "getLaunchOptions", summary = "Flavors, images and networks in one answer",
			description = "The three lists of GET /api/v1/flavors, /images and /networks, fetched in parallel.")
	@Cached
	ResponseEntity<LaunchOptionsDto> launchOptions(CallContext context) {
		return aged(Futures.join(this.launchOptions.launchOptions(context)));
	}

	/**
	 * The answer with its {@code Age}: how many seconds ago OpenStack gave it (RFC 9111,
	 * RFC 5861).
	 */
	private static <T> ResponseEntity<T> aged(Served<T> served) {
		return ResponseEntity.ok().header(HttpHeaders.AGE, Long.toString(served.ageSeconds())).body(served.value());
	}

	/**
	 * The ETag of a cached list in the OpenAPI document: the header of a 200,
	 * If-None-Match and the 304.
	 */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Parameter(name = "If-None-Match", in = ParameterIn.HEADER,
			description = "The ETag of an earlier answer: " + "a 304 without a body when nothing changed",
			schema = @Schema(type = "string", minLength = 1), example = "\"0a1b2c3d4e5f\"")
	@ApiResponse(responseCode = "200", description = "The list; cached by the gateway, with its ETag",
			headers = {
					@Header(name = "ETag", description = "The answer's entity tag, for If-None-Match",
							schema = @Schema(type = "string")),
					@Header(name = "Age",
							description = "How many seconds ago OpenStack gave the answer; "
									+ "past the cache TTL while the service is out (stale-if-error)",
							schema = @Schema(type = "integer", minimum = "0")) })
	@ApiResponse(responseCode = "304", description = "Not modified: the If-None-Match ETag is still current")
	@interface Cached {

	}

}
