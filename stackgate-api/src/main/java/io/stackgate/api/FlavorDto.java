package io.stackgate.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A Nova flavor: the size of a server.
 *
 * @param id the flavor id
 * @param name the flavor name, for example {@code m1.tiny}
 * @param vcpus number of virtual CPUs
 * @param ram memory in MiB
 * @param disk root disk size in GiB
 */
@Schema(description = "A Nova flavor: the size of a server",
		requiredProperties = { "id", "name", "vcpus", "ram", "disk" })
public record FlavorDto(@Schema(description = "The flavor id", example = "42") String id,
		@Schema(description = "The flavor name", example = "m1.nano") String name,
		@Schema(description = "Number of virtual CPUs", minimum = "1", example = "1") int vcpus,
		@Schema(description = "Memory in MiB", minimum = "0", example = "128") int ram,
		@Schema(description = "Root disk size in GiB; 0 means the image's size", minimum = "0",
				example = "1") int disk) {
}
