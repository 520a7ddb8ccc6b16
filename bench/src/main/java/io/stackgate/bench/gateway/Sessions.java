package io.stackgate.bench.gateway;

import java.util.concurrent.atomic.AtomicReference;

import io.stackgate.bench.support.Keystone;

/**
 * The bench's own Keystone session, logged in once and shared; renewed only when a
 * service refuses the token.
 */
final class Sessions {

	/** A token and the endpoints from its catalog. */
	record Session(String token, String projectId, String nova, String glance, String neutron) {
	}

	final Keystone keystone;

	private final AtomicReference<Session> current = new AtomicReference<>();

	Sessions(Keystone keystone) {
		this.keystone = keystone;
	}

	Session session() {
		Session session = this.current.get();
		return (session != null) ? session : renew(null);
	}

	/**
	 * @return a new session, unless another thread already replaced the {@code rejected}
	 * one
	 */
	synchronized Session renew(Session rejected) {
		Session session = this.current.get();
		if (session != null && session != rejected) {
			return session;
		}
		Keystone.Login login = this.keystone.login();
		session = new Session(login.token(), login.projectId(), this.keystone.endpoint(login.catalog(), "compute"),
				this.keystone.endpoint(login.catalog(), "image"), this.keystone.endpoint(login.catalog(), "network"));
		this.current.set(session);
		return session;
	}

}
