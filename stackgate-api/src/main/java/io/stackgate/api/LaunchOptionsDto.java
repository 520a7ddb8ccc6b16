package io.stackgate.api;

import java.util.List;

/**
 * Everything needed to choose how to launch a server, in one response.
 *
 * @param flavors the flavors the project may use
 * @param images the active images the project may boot
 * @param networks the networks the project may attach to
 */
public record LaunchOptionsDto(List<FlavorDto> flavors, List<ImageDto> images, List<NetworkDto> networks) {
}
