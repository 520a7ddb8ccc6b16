package io.stackgate.bench.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A token, and who sends it to ask for a new one when it is refused: a client of one
 * OpenStack or gateway API.
 */
public abstract class Authenticated {

	protected final Http http;

	private volatile String token;

	protected Authenticated(Http http) {
		this.http = http;
	}

	/**
	 * @return a new token; empty for none
	 */
	protected abstract String newToken();

	public void login() {
		this.token = newToken();
	}

	/**
	 * Sends with the token; a 401 (the token expired) gets one retry with a new token.
	 */
	public HttpResponse<String> call(String method, URI uri, String jsonBody) {
		String sent = this.token;
		HttpResponse<String> response = this.http.exchange(withToken(this.http.request(method, uri, jsonBody), sent));
		if (response.statusCode() == 401) {
			response = this.http.exchange(withToken(this.http.request(method, uri, jsonBody), renew(sent)));
		}
		return response;
	}

	private static HttpRequest withToken(HttpRequest.Builder request, String token) {
		return (token.isEmpty() ? request : request.header("X-Auth-Token", token)).build();
	}

	private synchronized String renew(String refused) {
		if (this.token.equals(refused)) {
			this.token = newToken();
		}
		return this.token;
	}

}
