package io.stackgate.server.launch;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.stackgate.api.FlavorDto;
import io.stackgate.api.ImageDto;
import io.stackgate.api.LaunchOptionsDto;
import io.stackgate.api.NetworkDto;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.web.Futures;

/**
 * The objects a server is launched from. Answers carry an {@code ETag}; send it back in {@code If-None-Match}
 * to get a 304 when nothing changed.
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
	@Operation(summary = "List the flavors the project may use")
	List<FlavorDto> flavors(CallContext context) {
		return Futures.join(this.launchOptions.flavors(context));
	}

	@GetMapping("/images")
	@Operation(summary = "List the active images the project may boot")
	List<ImageDto> images(CallContext context) {
		return Futures.join(this.launchOptions.images(context));
	}

	@GetMapping("/networks")
	@Operation(summary = "List the networks the project can attach servers to")
	List<NetworkDto> networks(CallContext context) {
		return Futures.join(this.launchOptions.networks(context));
	}

	@GetMapping("/launch-options")
	@Operation(summary = "Flavors, images and networks in one answer")
	LaunchOptionsDto launchOptions(CallContext context) {
		return Futures.join(this.launchOptions.launchOptions(context));
	}

}
