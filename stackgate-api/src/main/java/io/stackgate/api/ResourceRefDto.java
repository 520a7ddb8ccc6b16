package io.stackgate.api;

/**
 * A reference to a flavor or image from a server.
 *
 * @param id the id
 * @param name the name, or {@code null} when the object is gone or not visible to the project
 */
public record ResourceRefDto(String id, String name) {
}
