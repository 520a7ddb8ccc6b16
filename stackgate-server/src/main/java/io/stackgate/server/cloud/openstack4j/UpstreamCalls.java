package io.stackgate.server.cloud.openstack4j;

import java.util.Map;
import java.util.function.Function;

import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.identity.v3.Token;

import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.OpenStackService;

/**
 * The one way the adapters call OpenStack: with the caller's session's token, through the
 * service's bulkhead, with failures translated ({@link OpenStackClients#call}), and to
 * Nova at the negotiated microversion ({@link NovaMicroversion}). It knows the difference
 * between a call that changes nothing, which may run again with a renewed token, and one
 * that changes the cloud, which never does.
 */
class UpstreamCalls {

	private final OpenStackClients clients;

	private final NovaMicroversion microversion = new NovaMicroversion();

	UpstreamCalls(OpenStackClients clients) {
		this.clients = clients;
	}

	/**
	 * Runs a call that changes nothing, within what is left of the request's read timeout
	 * (its reads share one). When OpenStack refuses the token, the session gets a new one
	 * and the call runs once more.
	 */
	<T> T read(CallContext context, OpenStackService service, Function<OSClientV3, T> call) {
		TokenSession session = session(context);
		Token token = session.token();
		try {
			return read(context, service, token, call);
		}
		catch (CloudException ex) {
			if (ex.kind() != CloudException.Kind.UNAUTHORIZED) {
				throw ex;
			}
			return read(context, service, session.renew(token), call);
		}
	}

	/**
	 * Runs a call that changes the cloud, once, with the whole read timeout: a create cut
	 * short by the request's earlier calls could leave a server the caller is told
	 * failed, and a rollback cut short one nobody deletes. When OpenStack refuses the
	 * token, the session renews it for the next call, and this one fails: nothing was
	 * changed, and the caller decides whether to repeat it.
	 */
	<T> T write(CallContext context, OpenStackService service, Function<OSClientV3, T> call) {
		TokenSession session = session(context);
		Token token = session.token();
		try {
			return call(context, service, token, this.clients.config(), call);
		}
		catch (CloudException ex) {
			if (ex.kind() != CloudException.Kind.UNAUTHORIZED) {
				throw ex;
			}
			session.renew(token);
			throw new CloudException(CloudException.Kind.UNAVAILABLE, service, service.projectName()
					+ " refused the token, which has been renewed: nothing was changed and the request can be repeated",
					ex.upstreamStatus(), ex.openstackRequestId(), ex);
		}
	}

	private <T> T read(CallContext context, OpenStackService service, Token token, Function<OSClientV3, T> call) {
		// The request's time budget is checked before the call: a request that used it up
		// says nothing about the
		// service, whose circuit it must not open.
		return call(context, service, token, this.clients.within(context, service), call);
	}

	/**
	 * A compute call sends the negotiated Nova microversion; the first one reads Nova's
	 * version document.
	 */
	private <T> T call(CallContext context, OpenStackService service, Token token, Config config,
			Function<OSClientV3, T> call) {
		return this.clients.call(service, () -> {
			OSClientV3 client = this.clients.forToken(token, context.requestId(), config, Map.of());
			if (service != OpenStackService.COMPUTE) {
				return call.apply(client);
			}
			String microversion = this.microversion.choose(() -> new NovaServerReads().maximumMicroversion());
			return call.apply(this.clients.forToken(token, context.requestId(), config,
					Map.of(NovaMicroversion.HEADER, microversion)));
		});
	}

	private static TokenSession session(CallContext context) {
		if (context.session() instanceof TokenSession session) {
			return session;
		}
		throw new IllegalArgumentException("Not a session of this adapter: " + context.session().getClass());
	}

}
