package io.stackgate.itsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

/**
 * A gateway's readiness ({@code /actuator/health/readiness}) waited for, wherever the
 * gateway runs: a jar, a service, a container.
 */
public final class Readiness {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private Readiness() {
	}

	/**
	 * Polls the readiness every second until it answers 200 with the status {@code UP}.
	 * @param baseUrl the gateway, for example {@code http://127.0.0.1:8080}
	 * @param timeout how long to wait
	 * @param alive false once the gateway's process died
	 * @param log its log, or the end of it, for the failure's message
	 * @throws IllegalStateException when the gateway dies first or is not ready in time
	 */
	public static void await(String baseUrl, Duration timeout, BooleanSupplier alive, Supplier<String> log)
			throws InterruptedException {
		HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant giveUp = Instant.now().plus(timeout);
		String last = "no answer";
		while (Instant.now().isBefore(giveUp)) {
			if (!alive.getAsBoolean()) {
				throw new IllegalStateException(
						"The gateway exited before it was ready; last answer: " + last + "\n" + log.get());
			}
			try {
				HttpResponse<String> response = HTTP.send(probe, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200
						&& JSON.readTree(response.body()).path("status").asString().equals("UP")) {
					return;
				}
				last = response.statusCode() + " " + response.body();
			}
			catch (IOException ex) {
				last = ex.toString();
			}
			Thread.sleep(1000);
		}
		throw new IllegalStateException(
				"The gateway was not ready within " + timeout + "; last answer: " + last + "\n" + log.get());
	}

}
