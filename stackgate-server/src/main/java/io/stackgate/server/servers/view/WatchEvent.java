package io.stackgate.server.servers.view;

import java.util.List;
import java.util.Locale;

import io.stackgate.api.ServerDto;

/**
 * What a watcher is sent.
 *
 * @param id the event id, {@code <view epoch>-<sequence>}: sent back in
 * {@code Last-Event-ID} to resume after it
 * @param type what happened
 * @param servers for {@link Type#LIST} every server the watcher sees, newest first;
 * otherwise the one server concerned (for {@link Type#DELETED} as it was last seen)
 */
public record WatchEvent(String id, Type type, List<ServerDto> servers) {

	/** What a watch event says. */
	public enum Type {

		/** The whole current list: a watcher replaces everything it has with it. */
		LIST,
		/** A server appeared, or entered the watcher's filter. */
		ADDED,
		/** A server changed. */
		CHANGED,
		/** A server went, or left the watcher's filter. */
		DELETED;

		/**
		 * @return the SSE event name: {@code list}, {@code added}, {@code changed} or
		 * {@code deleted}
		 */
		public String wireName() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
