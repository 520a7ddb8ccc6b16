package io.stackgate.api;

import com.fasterxml.jackson.annotation.JsonProperty;

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
public record ImageDto(String id, String name, String status, Long size, @JsonProperty("min_disk") int minDisk,
		@JsonProperty("min_ram") int minRam) {
}
