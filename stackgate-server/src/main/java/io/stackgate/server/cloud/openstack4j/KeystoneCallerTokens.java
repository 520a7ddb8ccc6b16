package io.stackgate.server.cloud.openstack4j;

import java.time.Clock;
import java.util.Map;

import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.openstack.OSFactory;
import org.openstack4j.openstack.identity.v3.domain.KeystoneToken;

import io.stackgate.server.cloud.CallerSession;
import io.stackgate.server.cloud.CallerTokens;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.IssuedToken;
import io.stackgate.server.cloud.OpenStackService;
import io.stackgate.server.cloud.PasswordCredentials;

/**
 * {@link CallerTokens} on Keystone v3. A token validates itself
 * ({@code GET /v3/auth/tokens} with the token in both {@code X-Auth-Token} and
 * {@code X-Subject-Token}), which Keystone's default policy allows to any token holder:
 * the gateway's own identity needs no {@code service} or {@code admin} role.
 */
class KeystoneCallerTokens implements CallerTokens {

	private final OpenStackClients clients;

	private final UpstreamCalls calls;

	private final String authUrl;

	private final Clock clock;

	KeystoneCallerTokens(OpenStackClients clients, UpstreamCalls calls, String authUrl, Clock clock) {
		this.clients = clients;
		this.calls = calls;
		this.authUrl = authUrl;
		this.clock = clock;
	}

	@Override
	public CallerSession validate(String token, String requestId) {
		KeystoneToken self = new KeystoneToken();
		self.setId(token);
		self.setEndpoint(this.authUrl);
		Token validated;
		try {
			validated = this.calls
				.identity(() -> this.clients.forToken(self, requestId, this.clients.config(), Map.of())
					.identity()
					.tokens()
					.get(token));
		}
		catch (CloudException ex) {
			if (ex.kind() == CloudException.Kind.UNAUTHORIZED || ex.kind() == CloudException.Kind.NOT_FOUND) {
				throw refused("Keystone does not accept the token", ex.upstreamStatus(), ex.openstackRequestId());
			}
			throw ex;
		}
		if (validated == null) {
			throw refused("Keystone does not accept the token", 404, null);
		}
		if (validated.getProject() == null || validated.getCatalog() == null || validated.getCatalog().isEmpty()) {
			throw refused("The token is not scoped to a project", null, null);
		}
		if (!validated.getExpires().toInstant().isAfter(this.clock.instant())) {
			throw refused("The token has expired", null, null);
		}
		KeystoneToken keystoneToken = (KeystoneToken) validated;
		keystoneToken.setId(token);
		keystoneToken.setEndpoint(this.authUrl);
		return new CallerTokenSession(keystoneToken, this.clock.instant());
	}

	@Override
	public IssuedToken issue(PasswordCredentials credentials) {
		Identifier domain = Identifier.byName(credentials.domain());
		OSClientV3 client;
		try {
			client = this.calls.identity(() -> OSFactory.builderV3()
				.endpoint(this.authUrl)
				.withConfig(this.clients.config())
				.perspective(this.clients.facing())
				.credentials(credentials.username(), credentials.password(), domain)
				.scopeToProject(Identifier.byName(credentials.project()), domain)
				.authenticate());
		}
		catch (CloudException ex) {
			if (ex.kind() == CloudException.Kind.UNAUTHORIZED || ex.kind() == CloudException.Kind.NOT_FOUND) {
				throw refused("Keystone refused the user name, password or project", ex.upstreamStatus(),
						ex.openstackRequestId());
			}
			throw ex;
		}
		KeystoneToken token = (KeystoneToken) client.getToken();
		token.setEndpoint(this.authUrl);
		return new IssuedToken(token.getId(), new CallerTokenSession(token, this.clock.instant()));
	}

	private static CloudException refused(String message, Integer status, String openstackRequestId) {
		return new CloudException(CloudException.Kind.UNAUTHORIZED, OpenStackService.IDENTITY, message, status,
				openstackRequestId, null);
	}

}
