package io.stackgate.server.cloud.openstack4j;

import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.client.IOSClientBuilder;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.openstack.OSFactory;

import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.cloudconfig.DomainRef;

/**
 * A Keystone v3 password authentication for the configured cloud identity.
 */
class KeystoneLogin {

	private final CloudConfig cloud;

	private final OpenStackClients clients;

	KeystoneLogin(CloudConfig cloud, OpenStackClients clients) {
		this.cloud = cloud;
		this.clients = clients;
	}

	/**
	 * @return a client holding a fresh token; it is bound to the calling thread only
	 */
	OSClientV3 authenticate() {
		IOSClientBuilder.V3 builder = OSFactory.builderV3()
			.endpoint(this.cloud.authUrl())
			.withConfig(this.clients.config())
			.perspective(this.clients.facing())
			.credentials(this.cloud.username(), this.cloud.password(), identifier(this.cloud.userDomain()));
		if (this.cloud.projectId() != null) {
			builder.scopeToProject(Identifier.byId(this.cloud.projectId()));
		}
		else {
			builder.scopeToProject(Identifier.byName(this.cloud.projectName()), identifier(this.cloud.projectDomain()));
		}
		return builder.authenticate();
	}

	/**
	 * @return who logs in, for log lines: user and project, never the password
	 */
	String describe() {
		String project = (this.cloud.projectId() != null) ? this.cloud.projectId() : this.cloud.projectName();
		return "user '" + this.cloud.username() + "' in project '" + project + "' (" + this.cloud.source() + ")";
	}

	private static Identifier identifier(DomainRef domain) {
		return (domain.id() != null) ? Identifier.byId(domain.id()) : Identifier.byName(domain.name());
	}

}
