package io.stackgate.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Everything needed to choose how to launch a server, in one response.
 *
 * @param flavors the flavors the project may use
 * @param images the active images the project may boot
 * @param networks the networks the project may attach to
 */
@Schema(description = "Everything needed to choose how to launch a server, in one answer",
		requiredProperties = { "flavors", "images", "networks" })
public record LaunchOptionsDto(@Schema(description = "The flavors the project may use") List<FlavorDto> flavors,
		@Schema(description = "The active images the project may boot") List<ImageDto> images,
		@Schema(description = "The networks the project may attach servers to") List<NetworkDto> networks) {
}
