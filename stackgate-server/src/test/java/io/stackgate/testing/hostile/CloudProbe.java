package io.stackgate.testing.hostile;

import java.util.Set;

/**
 * The cloud under the gateway, seen directly, not through the gateway: which servers of
 * this run exist.
 */
public interface CloudProbe {

	/**
	 * @return the ids of this run's servers, as the cloud lists them
	 */
	Set<String> servers() throws Exception;

	/**
	 * Deletes one of this run's servers directly in the cloud, to stay within the quota.
	 */
	void delete(String id) throws Exception;

}
