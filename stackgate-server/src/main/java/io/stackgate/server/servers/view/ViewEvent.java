package io.stackgate.server.servers.view;

import io.stackgate.api.ServerDto;

/**
 * One change a view saw: a server that appeared, changed or went.
 *
 * @param seq its number in the view, from 1
 * @param before the server as it was, or {@code null} when it appeared
 * @param after the server as it is, or {@code null} when it went
 */
record ViewEvent(long seq, ServerDto before, ServerDto after) {

	/**
	 * @return the change as a watcher with this filter sees it, or {@code null} when it
	 * is not about a server the watcher sees before or after: a server that enters the
	 * filter is added, one that leaves it deleted
	 */
	WatchEvent.Type typeFor(ServerFilter filter) {
		boolean was = this.before != null && filter.matches(this.before);
		boolean is = this.after != null && filter.matches(this.after);
		if (was && is) {
			return WatchEvent.Type.CHANGED;
		}
		if (is) {
			return WatchEvent.Type.ADDED;
		}
		return was ? WatchEvent.Type.DELETED : null;
	}

	/**
	 * @return the server as it is, or as it was last seen when it went
	 */
	ServerDto latest() {
		return (this.after != null) ? this.after : this.before;
	}

}
