package io.stackgate.server.cloud.openstack4j;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.identity.v3.Token;

import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.OpenStackService;

/**
 * The one way the adapters call OpenStack, one pipeline for every call:
 * <ol>
 * <li>the time budget: a read gets what is left of its request's read timeout (the
 * request's reads share one), a write and a Keystone login the whole of it;</li>
 * <li>the service's circuit breaker and bulkhead ({@link UpstreamBulkheads});</li>
 * <li>the call, on a client built for it ({@link OpenStackClients}) with the session's
 * token, and to Nova at the negotiated microversion ({@link NovaMicroversion});</li>
 * <li>its failures translated into {@link CloudException}s ({@link Upstream}).</li>
 * </ol>
 * It knows the difference between a call that changes nothing, which may run again with a
 * renewed token, and one that changes the cloud, which never does.
 */
class UpstreamCalls {

	private final OpenStackClients clients;

	private final UpstreamBulkheads bulkheads;

	private final NovaMicroversion microversion = new NovaMicroversion();

	UpstreamCalls(OpenStackClients clients, UpstreamBulkheads bulkheads) {
		this.clients = clients;
		this.bulkheads = bulkheads;
	}

	/**
	 * Runs a call that changes nothing, within what is left of the request's read
	 * timeout. When OpenStack refuses the token, the session gets a new one and the call
	 * runs once more.
	 */
	<T> T read(CallContext context, OpenStackService service, Function<OSClientV3, T> call) {
		TokenSession session = TokenSession.of(context);
		Token token = session.token();
		try {
			return call(context, service, token, budget(context, service), call);
		}
		catch (CloudException ex) {
			if (ex.kind() != CloudException.Kind.UNAUTHORIZED) {
				throw ex;
			}
			return call(context, service, session.renew(token), budget(context, service), call);
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
		TokenSession session = TokenSession.of(context);
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

	/**
	 * Runs a Keystone call made without a session (a login, a caller's token validating
	 * itself), with the whole read timeout.
	 * @param call builds its own client and calls Keystone
	 */
	<T> T identity(Supplier<T> call) {
		return this.bulkheads.call(OpenStackService.IDENTITY, call);
	}

	private <T> T call(CallContext context, OpenStackService service, Token token, Config config,
			Function<OSClientV3, T> call) {
		return this.bulkheads.call(service, () -> call.apply(client(context, service, token, config)));
	}

	/**
	 * A compute client sends the negotiated Nova microversion; the first compute call
	 * reads Nova's version document for it with a client of its own.
	 */
	private OSClientV3 client(CallContext context, OpenStackService service, Token token, Config config) {
		if (service != OpenStackService.COMPUTE) {
			return this.clients.forToken(token, context.requestId(), config, Map.of());
		}
		String chosen = this.microversion.choose(() -> {
			this.clients.forToken(token, context.requestId(), config, Map.of());
			return new NovaServerReads().maximumMicroversion();
		});
		return this.clients.forToken(token, context.requestId(), config, Map.of(NovaMicroversion.HEADER, chosen));
	}

	/**
	 * What is left of the request's read timeout, so that all the request's calls
	 * together end within it. It is checked before the call: a request that used it up
	 * says nothing about the service, whose circuit it must not open.
	 * @throws CloudException of kind {@code TIMEOUT} when the request's earlier calls
	 * took all its time
	 */
	private Config budget(CallContext context, OpenStackService service) {
		Duration readTimeout = Duration.ofMillis(this.clients.config().getReadTimeout());
		Duration left = readTimeout.minus(context.budget().spent());
		if (left.toMillis() <= 0) {
			throw new CloudException(CloudException.Kind.TIMEOUT, service,
					service.projectName()
							+ " did not answer in time: the request's calls to OpenStack took its whole read timeout",
					null, null, null);
		}
		return this.clients
			.timeouts(Duration.ofMillis(Math.min(this.clients.config().getConnectTimeout(), left.toMillis())), left);
	}

}
