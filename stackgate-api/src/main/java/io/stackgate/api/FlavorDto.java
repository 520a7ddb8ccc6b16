package io.stackgate.api;

/**
 * A Nova flavor: the size of a server.
 *
 * @param id the flavor id
 * @param name the flavor name, for example {@code m1.tiny}
 * @param vcpus number of virtual CPUs
 * @param ram memory in MiB
 * @param disk root disk size in GiB
 */
public record FlavorDto(String id, String name, int vcpus, int ram, int disk) {
}
