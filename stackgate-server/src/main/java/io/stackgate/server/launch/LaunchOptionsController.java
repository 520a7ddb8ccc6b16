package io.stackgate.server.launch;

import java.util.List;

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
class LaunchOptionsController {

	private final LaunchOptionsService launchOptions;

	LaunchOptionsController(LaunchOptionsService launchOptions) {
		this.launchOptions = launchOptions;
	}

	@GetMapping("/flavors")
	List<FlavorDto> flavors(CallContext context) {
		return Futures.join(this.launchOptions.flavors(context));
	}

	@GetMapping("/images")
	List<ImageDto> images(CallContext context) {
		return Futures.join(this.launchOptions.images(context));
	}

	@GetMapping("/networks")
	List<NetworkDto> networks(CallContext context) {
		return Futures.join(this.launchOptions.networks(context));
	}

	@GetMapping("/launch-options")
	LaunchOptionsDto launchOptions(CallContext context) {
		return Futures.join(this.launchOptions.launchOptions(context));
	}

}
