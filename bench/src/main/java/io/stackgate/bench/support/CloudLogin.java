package io.stackgate.bench.support;

import java.io.IOException;

import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.itsupport.Keystone;
import io.stackgate.itsupport.ServiceCatalog;

/**
 * The cloud's user logging in to Keystone (stackgate-it-support's {@link Keystone}) over
 * the bench's HTTP client, and the endpoints the benches call; any failure is a
 * {@link BenchFailure}.
 */
public final class CloudLogin {

	/**
	 * A token of the cloud's user and the endpoints of its catalog, for the cloud's
	 * interface and region, without a trailing slash; Glance's and Neutron's without
	 * their API version.
	 */
	public record Session(String token, String projectId, String compute, String image, String network) {
	}

	private final Keystone keystone;

	public CloudLogin(Http http, CloudConfig cloud) {
		this.keystone = new Keystone(http.client(), cloud, http.requestTimeout());
	}

	/** The Keystone v3 endpoint, without a trailing slash. */
	public String authUrl() {
		return this.keystone.authUrl();
	}

	/** Keystone v3 password authentication, scoped to the cloud's project. */
	public Session login() {
		try {
			Keystone.Login login = this.keystone.login();
			ServiceCatalog catalog = login.catalog();
			return new Session(login.token(), login.projectId(), catalog.endpoint("compute"), catalog.endpoint("image"),
					catalog.endpoint("network"));
		}
		catch (IOException ex) {
			throw new BenchFailure(
					"Keystone login at " + authUrl() + ": " + ex + " (is the devcloud up: devcloud/status?)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchFailure("Keystone login at " + authUrl() + ": interrupted", ex);
		}
		catch (IllegalStateException ex) {
			throw new BenchFailure(ex.getMessage(), ex);
		}
	}

}
