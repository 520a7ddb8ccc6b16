package io.stackgate.server.auth;

import io.stackgate.server.cloud.CloudSession;

/**
 * An authenticated caller.
 *
 * @param principal who it is, for log lines: an API key's name, {@code user@project} of a
 * Keystone token, or {@code anonymous}
 * @param metricsTag the {@code principal} tag of its metrics; a small set of values (API
 * key names), never a Keystone user name
 * @param rateKey the bucket its requests are counted in
 * @param session what it calls the cloud with
 * @param readOnly whether it may only read
 */
record Caller(String principal, String metricsTag, String rateKey, CloudSession session, boolean readOnly) {
}
