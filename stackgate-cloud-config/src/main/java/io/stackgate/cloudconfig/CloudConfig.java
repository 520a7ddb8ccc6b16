package io.stackgate.cloudconfig;

import java.nio.file.Path;

/**
 * Where the OpenStack cloud is and who the gateway is there: the {@code auth} section of
 * a clouds.yaml entry, or the equivalent {@code OS_*} variables.
 *
 * @param source where this configuration came from, for messages
 * ({@code clouds.yaml cloud 'devcloud'})
 * @param authUrl the Keystone v3 endpoint
 * @param username the user name
 * @param password the password
 * @param userDomain the user's domain
 * @param projectName the project to scope tokens to, when {@code projectId} is absent
 * @param projectId the project id to scope tokens to
 * @param projectDomain the project's domain
 * @param regionName the region to pick endpoints from, {@code null} for any
 * @param endpointInterface the catalog interface: {@code public}, {@code internal} or
 * {@code admin}
 * @param caCert a PEM file of CA certificates to trust, {@code null} for the JDK's
 * @param verify whether TLS certificates are verified
 */
public record CloudConfig(String source, String authUrl, String username, String password, DomainRef userDomain,
		String projectName, String projectId, DomainRef projectDomain, String regionName, String endpointInterface,
		Path caCert, boolean verify) {

	@Override
	public String toString() {
		return "CloudConfig[source=" + this.source + ", authUrl=" + this.authUrl + ", username=" + this.username
				+ ", password=***, project=" + (this.projectId != null ? this.projectId : this.projectName)
				+ ", region=" + this.regionName + ", interface=" + this.endpointInterface + "]";
	}

}
