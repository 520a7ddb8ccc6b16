package io.stackgate.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A Glance image a server can boot from.
 *
 * @param id the image id
 * @param name the image name
 * @param status the Glance status, for example {@code active}
 * @param size size in bytes, {@code null} while the image has no data
 * @param minDisk minimum root disk in GiB a flavor must offer to boot it
 * @param minRam minimum memory in MiB a flavor must offer to boot it
 */
@Schema(description = "A Glance image a server can boot from",
		requiredProperties = { "id", "name", "status", "size", "min_disk", "min_ram" })
public record ImageDto(
		@Schema(description = "The image id", example = "4c60a191-27d6-46f7-9698-302620f0799f") String id,
		@Schema(description = "The image name; null when the image has none", example = "cirros-fake-raw", types = {
				"string", "null" }) String name,
		@Schema(description = "The Glance status; the gateway lists active images only",
				example = "active") String status,
		@Schema(description = "Size in bytes; null while the image has no data", minimum = "0", example = "65536",
				types = { "integer", "null" }, format = "int64") Long size,
		@Schema(description = "Minimum root disk in GiB a flavor must offer to boot it", minimum = "0",
				example = "0") @JsonProperty("min_disk") int minDisk,
		@Schema(description = "Minimum memory in MiB a flavor must offer to boot it", minimum = "0",
				example = "0") @JsonProperty("min_ram") int minRam){
}
