package io.stackgate.server.cloud.openstack4j;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.stackgate.server.cloud.CallerTokens;

/**
 * The adapter's Keystone on WireMock, for tests outside the adapter: the real
 * {@link CallerTokens} against a stubbed Keystone.
 */
public final class KeystoneStubs {

	private final OpenStackStubs stubs;

	public KeystoneStubs(WireMockExtension wiremock) {
		this.stubs = new OpenStackStubs(wiremock);
	}

	/**
	 * @return the Keystone v3 endpoint
	 */
	public String authUrl() {
		return this.stubs.baseUrl() + "/identity/v3";
	}

	/**
	 * @param clock the time the tokens' expiries are checked against
	 * @return caller tokens validated by, and issued by, this Keystone
	 */
	public CallerTokens callerTokens(Clock clock) {
		return new KeystoneCallerTokens(this.stubs.clients(), this.stubs.calls(), authUrl(), clock);
	}

	/** Keystone validates this token, which expires at the given time. */
	public void validates(String token, Instant expiresAt) {
		validates(token, expiresAt, Duration.ZERO);
	}

	/** Keystone validates this token, which expires at the given time, after a delay. */
	public void validates(String token, Instant expiresAt, Duration delay) {
		this.stubs.keystoneValidates(token, expiresAt, delay);
	}

	/** Keystone issues tokens for passwords, valid for the given time. */
	public void issuesTokens(Duration validFor) {
		this.stubs.keystoneIssuesTokens(validFor);
	}

	/** The token Keystone issues. */
	public static String issuedToken() {
		return OpenStackStubs.TOKEN;
	}

}
