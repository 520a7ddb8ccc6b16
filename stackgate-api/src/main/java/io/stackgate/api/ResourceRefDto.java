package io.stackgate.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A reference to a flavor or image from a server.
 *
 * @param id the id
 * @param name the name, or {@code null} when the object is gone or not visible to the project
 */
@Schema(description = "A reference from a server to its flavor or image", requiredProperties = { "id", "name" })
public record ResourceRefDto(@Schema(description = "The id", example = "42") String id,
		@Schema(description = "The name; null when the object is gone or not visible to the project",
				example = "m1.nano", types = { "string", "null" }) String name) {
}
