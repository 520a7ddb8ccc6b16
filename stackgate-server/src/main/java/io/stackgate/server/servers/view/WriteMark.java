package io.stackgate.server.servers.view;

/**
 * Where a project's writes through the gateway stood when a wait began
 * ({@link LiveViews#mark}): the project's view answers the wait
 * ({@link LiveViews#lookUp}) once a refresh that started after them has been published.
 */
public final class WriteMark {

	/** The project's view then, or {@code null} when it had none. */
	private final ServerView view;

	/** How many writes had been announced to that view. */
	private final long writes;

	WriteMark(ServerView view, long writes) {
		this.view = view;
		this.writes = writes;
	}

	/**
	 * @return whether the project's loaded view now has seen the writes: a view created
	 * after the mark has, since its first refresh started after it
	 */
	boolean seenBy(ServerView current) {
		return current != this.view || current.hasSeen(this.writes);
	}

}
