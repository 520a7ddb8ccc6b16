package io.stackgate.bench.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.net.ssl.SSLContext;

/**
 * HTTP/1.1 for both sides of a benchmark: one client, one request timeout (it only guards
 * against hangs), and any failure as a {@link BenchFailure} that names the request.
 */
public final class Http {

	private final HttpClient client;

	private final Duration requestTimeout;

	public Http(Duration requestTimeout) {
		this(requestTimeout, null);
	}

	/**
	 * @param sslContext what HTTPS trusts, for example a cloud's own CA
	 * ({@code CaCertificates.sslContext}); {@code null} for the JDK's trust store
	 */
	public Http(Duration requestTimeout, SSLContext sslContext) {
		HttpClient.Builder builder = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5));
		this.client = ((sslContext != null) ? builder.sslContext(sslContext) : builder).build();
		this.requestTimeout = requestTimeout;
	}

	public HttpClient client() {
		return this.client;
	}

	public Duration requestTimeout() {
		return this.requestTimeout;
	}

	/**
	 * A request that accepts JSON, with a JSON body unless {@code jsonBody} is
	 * {@code null}.
	 */
	public HttpRequest.Builder request(String method, URI uri, String jsonBody) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
			.timeout(this.requestTimeout)
			.header("Accept", "application/json");
		if (jsonBody == null) {
			return builder.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return builder.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
	}

	public HttpRequest.Builder get(URI uri) {
		return request("GET", uri, null);
	}

	/**
	 * Sends a request; only a failure to get an answer at all is a {@link BenchFailure}.
	 */
	public HttpResponse<String> exchange(HttpRequest request) {
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new BenchFailure(request.method() + " " + request.uri() + ": " + ex
					+ " (is the gateway running? is the devcloud up: devcloud/status?)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchFailure(request.method() + " " + request.uri() + ": interrupted", ex);
		}
	}

	/**
	 * @return the body, when the status is one of {@code expected}
	 */
	public static String expect(HttpResponse<String> response, int... expected) {
		int status = response.statusCode();
		if (Arrays.stream(expected).noneMatch((s) -> s == status)) {
			throw answered(response);
		}
		return response.body();
	}

	/**
	 * @return the body of a 2xx answer
	 */
	public static String requireOk(HttpResponse<String> response) {
		if (response.statusCode() < 200 || response.statusCode() > 299) {
			throw answered(response);
		}
		return response.body();
	}

	private static BenchFailure answered(HttpResponse<String> response) {
		String body = response.body();
		body = (body.length() > 300) ? body.substring(0, 300) + "..." : body;
		return new BenchFailure(response.request().method() + " " + response.request().uri() + " answered "
				+ response.statusCode() + ": " + body);
	}

	/** Waits for a future; its failure is thrown as it was, not wrapped. */
	public static <T> T await(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw (cause instanceof BenchFailure failure) ? failure : new BenchFailure(cause.toString(), cause);
		}
	}

	/**
	 * Waits until {@code /actuator/health/readiness} answers 200; fails early if the
	 * gateway process died.
	 */
	public void awaitReady(URI gateway, Duration timeout, long pid) {
		long deadline = System.nanoTime() + timeout.toNanos();
		HttpRequest probe = get(gateway.resolve("/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build();
		String last = "no answer yet";
		while (System.nanoTime() < deadline) {
			Console.require(pid <= 0 || Files.exists(Path.of("/proc", String.valueOf(pid))),
					"the gateway (pid %d) exited before it was ready", pid);
			try {
				HttpResponse<String> response = this.client.send(probe, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					return;
				}
				last = response.statusCode() + " " + response.body();
			}
			catch (IOException ex) {
				last = ex.toString();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new BenchFailure("interrupted while waiting for readiness", ex);
			}
			Console.sleep(Duration.ofMillis(500));
		}
		throw new BenchFailure("gateway not ready after " + timeout.toSeconds() + " s: " + last);
	}

}
