package io.stackgate.server.servers.view;

import java.util.Locale;

import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;

/**
 * Which servers of a view a list or a watch is about.
 *
 * @param name only servers whose name contains this text, ignoring case (every character
 * literal), or {@code null}
 * @param status only servers in this status, or {@code null}
 */
public record ServerFilter(String name, ServerStatus status) {

	/** Every server. */
	public static final ServerFilter ALL = new ServerFilter(null, null);

	/**
	 * @return whether the server is one of those
	 */
	public boolean matches(ServerDto server) {
		if (this.status != null && server.status() != this.status) {
			return false;
		}
		return this.name == null || (server.name() != null
				&& server.name().toLowerCase(Locale.ROOT).contains(this.name.toLowerCase(Locale.ROOT)));
	}

}
