package io.stackgate.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A reference to a flavor or image from a server.
 *
 * @param id the id; {@code null} for a flavor that Nova names only by name (from
 * microversion 2.47) when the project has no flavor of that name any more
 * @param name the name, or {@code null} when the object is gone or not visible to the
 * project
 */
@Schema(description = "A reference from a server to its flavor or image", requiredProperties = { "id", "name" })
public record ResourceRefDto(
		@Schema(description = "The id; null for a flavor when Nova names the server's flavor only by "
				+ "name (microversion 2.47 and later) and the project has no flavor of that name any more",
				example = "42", types = {
						"string", "null" }) String id,
		@Schema(description = "The name; null when the object is gone or not visible to the project",
				example = "m1.nano", types = { "string", "null" }) String name){
}
