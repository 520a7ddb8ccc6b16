package io.stackgate.server.servers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.stackgate.api.ResourceRefDto;
import io.stackgate.api.ServerDto;
import io.stackgate.api.ServerStatus;
import io.stackgate.server.cloud.CallContext;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.OpenStackService;
import io.stackgate.server.problem.UnauthenticatedException;
import io.stackgate.testing.TestCaller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * How a wait for servers ends when the caller's token or OpenStack stops it.
 */
class ServerWaitsTests {

	private static final ServerDto BUILDING = new ServerDto("s-1", "web", ServerStatus.BUILD, List.of(),
			new ResourceRefDto("f-small", "m1.small"), new ResourceRefDto("i-cirros", "cirros"),
			Instant.parse("2026-11-27T04:40:12Z"), null, Map.of());

	private final ServerService servers = mock(ServerService.class);

	private final ServerWaits waits = new ServerWaits(this.servers, Runnable::run,
			new LaunchProperties(10, Duration.ofMillis(20), Duration.ofMinutes(10)));

	@AfterEach
	void stopTimer() {
		this.waits.destroy();
	}

	@Test
	void aCallersTokenThatExpiresMidWaitEndsTheWaitWithAProblemSayingSoInsteadOfPollingUntilTheTimeout() {
		given(this.servers.find(any(), eq("s-1"))).willReturn(Optional.of(BUILDING));
		Instant expiry = Instant.now().plusMillis(200);

		CompletableFuture<?> wait = this.waits.awaitSettled(callerUntil(expiry), List.of(BUILDING),
				Duration.ofMinutes(5));

		assertThatThrownBy(() -> wait.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.cause()
			.isInstanceOf(UnauthenticatedException.class)
			.hasMessageStartingWith("Your token expired at " + expiry + " while the gateway waited for the servers")
			.hasMessageContaining("follow it with a new token");
	}

	@Test
	void aTokenOpenStackRefusesEndsTheWaitAtOnce() {
		given(this.servers.find(any(), eq("s-1"))).willThrow(new CloudException(CloudException.Kind.UNAUTHORIZED,
				OpenStackService.COMPUTE, "Nova answered 401", 401, "req-1", null));

		CompletableFuture<?> wait = this.waits.awaitSettled(callerUntil(Instant.now().plusSeconds(3600)),
				List.of(BUILDING), Duration.ofMinutes(5));

		assertThatThrownBy(() -> wait.get(10, TimeUnit.SECONDS)).cause()
			.isInstanceOf(UnauthenticatedException.class)
			.hasMessageStartingWith("OpenStack refused your token while the gateway waited");
		verify(this.servers, times(1)).find(any(), eq("s-1"));
	}

	@Test
	void aServiceThatIsDownForAPollIsPolledAgain() throws Exception {
		given(this.servers.find(any(), eq("s-1")))
			.willThrow(new CloudException(CloudException.Kind.UNAVAILABLE, OpenStackService.COMPUTE,
					"Nova could not be reached", null, null, null))
			.willReturn(Optional.of(BUILDING.withStatus(ServerStatus.ACTIVE)));

		ServerWaits.Progress<List<ServerDto>> watch = this.waits
			.awaitSettled(callerUntil(Instant.now().plusSeconds(3600)), List.of(BUILDING), Duration.ofMinutes(5))
			.get(10, TimeUnit.SECONDS);

		assertThat(watch.done()).isTrue();
		assertThat(watch.value()).extracting(ServerDto::status).containsExactly(ServerStatus.ACTIVE);
		verify(this.servers, times(2)).find(any(), eq("s-1"));
	}

	private static CallContext callerUntil(Instant expiresAt) {
		return new CallContext(new TestCaller("p-demo", "u-demo", expiresAt), "req-test");
	}

}
