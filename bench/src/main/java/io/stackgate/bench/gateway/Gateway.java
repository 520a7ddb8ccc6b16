package io.stackgate.bench.gateway;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;

import io.stackgate.bench.support.CloudLogin.Session;
import io.stackgate.bench.support.Http;

import static io.stackgate.bench.support.Console.log;
import static io.stackgate.bench.support.Console.require;

/**
 * The gateway. Sends no credentials until it answers 401; from then on every request
 * carries an {@code X-Auth-Token} from the bench's own Keystone session.
 */
final class Gateway {

	private static final String LOGINS = "stackgate_keystone_authentications_total";

	private static final String VALIDATIONS = "stackgate_auth_token_validations_total";

	/**
	 * Keystone round trips the gateway counted: its own password logins and caller token
	 * validations.
	 */
	record KeystoneCalls(double logins, double validations) {
	}

	private final Http http;

	private final URI base;

	private final Sessions sessions;

	private final AtomicLong requests = new AtomicLong();

	private volatile boolean sendToken;

	Gateway(Http http, URI base, Sessions sessions) {
		this.http = http;
		this.base = base;
		this.sessions = sessions;
	}

	String get(String path) {
		return get(path, "application/json");
	}

	String get(String path, String accept) {
		this.requests.incrementAndGet();
		Session session = this.sendToken ? this.sessions.session() : null;
		HttpResponse<String> response = this.http.exchange(request(path, accept, session));
		if (response.statusCode() == 401) {
			if (!this.sendToken) {
				this.sendToken = true;
				log("   gateway asked for credentials (401): sending X-Auth-Token from now on");
			}
			session = (session == null) ? this.sessions.session() : this.sessions.renew(session);
			response = this.http.exchange(request(path, accept, session));
		}
		require(response.statusCode() != 429, "the gateway rate-limits the bench (429 on %s): start it with "
				+ "STACKGATE_AUTH_RATELIMIT_REQUESTS=0 (bench/run does)", path);
		return Http.requireOk(response);
	}

	long requestCount() {
		return this.requests.get();
	}

	/**
	 * @return the gateway's Keystone counters, each summed over its label sets;
	 * validations are optional
	 */
	KeystoneCalls keystoneCalls() {
		String metrics = get("/actuator/prometheus", "text/plain");
		double logins = sum(metrics, LOGINS);
		require(logins >= 0, "no %s in /actuator/prometheus", LOGINS);
		return new KeystoneCalls(logins, Math.max(0, sum(metrics, VALIDATIONS)));
	}

	/**
	 * @return the sum of a counter's samples, or -1 when the counter is not there
	 */
	private static double sum(String metrics, String counter) {
		double sum = 0;
		boolean found = false;
		for (String line : metrics.split("\n")) {
			if (line.startsWith(counter + " ") || line.startsWith(counter + "{")) {
				sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
				found = true;
			}
		}
		return found ? sum : -1;
	}

	private HttpRequest request(String path, String accept, Session session) {
		HttpRequest.Builder builder = this.http.get(this.base.resolve(path)).setHeader("Accept", accept);
		if (session != null) {
			builder.header("X-Auth-Token", session.token());
		}
		return builder.build();
	}

}
