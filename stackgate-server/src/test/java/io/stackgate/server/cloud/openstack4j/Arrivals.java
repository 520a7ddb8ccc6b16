package io.stackgate.server.cloud.openstack4j;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests a WireMock server has taken in, by path, counted as they arrive, before
 * their stub answers or stalls: what a test waits for, rather than sleeping, when its
 * calls must have reached OpenStack. A WireMock extension.
 */
final class Arrivals implements ServeEventListener {

	private final Map<String, Semaphore> byPath = new ConcurrentHashMap<>();

	@Override
	public String getName() {
		return "arrivals";
	}

	@Override
	public void afterMatch(ServeEvent event, Parameters parameters) {
		arrivals(URI.create(event.getRequest().getUrl()).getPath()).release();
	}

	/**
	 * Waits (5 s at most) for requests to a path that no earlier wait counted.
	 * @param path the request's path
	 * @param count how many
	 */
	void await(String path, int count) throws InterruptedException {
		assertThat(arrivals(path).tryAcquire(count, 5, TimeUnit.SECONDS)).as("%d requests to %s", count, path).isTrue();
	}

	/** Forgets the requests that arrived so far. */
	void clear() {
		this.byPath.clear();
	}

	private Semaphore arrivals(String path) {
		return this.byPath.computeIfAbsent(path, (key) -> new Semaphore(0));
	}

}
