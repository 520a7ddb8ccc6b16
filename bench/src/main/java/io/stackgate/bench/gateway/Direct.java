package io.stackgate.bench.gateway;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.stackgate.bench.support.BenchFailure;
import io.stackgate.bench.support.CloudLogin.Session;
import io.stackgate.bench.support.Http;

/**
 * The OpenStack APIs called directly, with the bench's own token, as a client without the
 * gateway would.
 */
final class Direct {

	private final Http http;

	private final Sessions sessions;

	Direct(Http http, Sessions sessions) {
		this.http = http;
		this.sessions = sessions;
	}

	/** Nova {@code GET /servers/detail}. */
	String servers() {
		Session session = this.sessions.session();
		return Http.await(call(session, session.compute() + "/servers/detail"));
	}

	/** Nova flavors, Glance active images, Neutron networks and subnets, in parallel. */
	CompletableFuture<List<String>> launchOptions() {
		Session session = this.sessions.session();
		List<CompletableFuture<String>> calls = List.of(call(session, session.compute() + "/flavors/detail"),
				call(session, session.image() + "/v2/images?status=active"),
				call(session, session.network() + "/v2.0/networks"),
				call(session, session.network() + "/v2.0/subnets"));
		return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
			.thenApply((done) -> calls.stream().map(CompletableFuture::join).toList());
	}

	/** One GET; a 401 (the token expired) gets one retry with a new token. */
	private CompletableFuture<String> call(Session session, String url) {
		return this.http.client()
			.sendAsync(withToken(url, session), HttpResponse.BodyHandlers.ofString())
			.thenCompose((response) -> {
				if (response.statusCode() != 401) {
					return CompletableFuture.completedFuture(response);
				}
				return this.http.client()
					.sendAsync(withToken(url, this.sessions.renew(session)), HttpResponse.BodyHandlers.ofString());
			})
			.handle((response, error) -> {
				if (error != null) {
					Throwable cause = (error instanceof CompletionException) ? error.getCause() : error;
					throw new BenchFailure("GET " + url + ": " + cause + " (is the devcloud up: devcloud/status?)",
							cause);
				}
				return Http.requireOk(response);
			});
	}

	private HttpRequest withToken(String url, Session session) {
		return this.http.get(URI.create(url)).header("X-Auth-Token", session.token()).build();
	}

}
