package io.stackgate.bench.launch;

/** One way of launching: through the gateway or at Nova directly. */
interface Side {

	String label();

	/**
	 * @return the id of the new server
	 */
	String create(String name);

	State state(String id);

	/** Deletes the server; one that is already gone is fine. */
	void delete(String id);

	/** A server's status, and its fault when it has one. */
	record State(String status, String fault) {
	}

}
