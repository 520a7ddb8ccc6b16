package io.stackgate.bench.gateway;

import java.util.concurrent.atomic.AtomicReference;

import io.stackgate.bench.support.CloudLogin.Session;
import io.stackgate.bench.support.CloudLogin;

/**
 * The bench's own Keystone session, logged in once and shared; renewed only when a
 * service refuses the token.
 */
final class Sessions {

	final CloudLogin login;

	private final AtomicReference<Session> current = new AtomicReference<>();

	Sessions(CloudLogin login) {
		this.login = login;
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
		session = this.login.login();
		this.current.set(session);
		return session;
	}

}
