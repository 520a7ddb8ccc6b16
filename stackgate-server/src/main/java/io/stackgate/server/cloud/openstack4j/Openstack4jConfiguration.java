package io.stackgate.server.cloud.openstack4j;

import java.net.URI;
import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.openstack4j.core.transport.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.stackgate.cloudconfig.CaCertificates;
import io.stackgate.cloudconfig.CloudConfig;
import io.stackgate.cloudconfig.CloudConfigException;
import io.stackgate.server.cloud.CallerTokens;
import io.stackgate.server.cloud.CloudException;
import io.stackgate.server.cloud.LaunchLocks;

/**
 * Wires the openstack4j adapter.
 */
@Configuration(proxyBeanMethods = false)
class Openstack4jConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(Openstack4jConfiguration.class);

	@Bean
	OpenStackClients openStackClients(CloudConfig cloud, UpstreamProperties upstream, Clock clock,
			MeterRegistry meterRegistry) {
		Config config = Config.newConfig()
			.withConnectionTimeout((int) upstream.connectTimeout().toMillis())
			.withReadTimeout((int) upstream.readTimeout().toMillis());
		if (cloud.caCert() != null) {
			config.withSSLContext(UpstreamConnections.register(CaCertificates.trustManager(cloud.caCert())));
		}
		if (!cloud.verify()) {
			logger.warn("TLS verification of {} is off (insecure in {}): anyone on the way can read and change "
					+ "the gateway's calls, tokens included", cloud.authUrl(), cloud.source());
			config.withSSLVerificationDisabled();
		}
		Gauge.builder("stackgate.upstream.connections", UpstreamConnections::open)
			.description("Connections to OpenStack's APIs open now, in use or kept idle")
			.register(meterRegistry);
		Gauge.builder("stackgate.upstream.connections.idle", UpstreamConnections::idle)
			.description("Connections to OpenStack's APIs kept idle for the next calls")
			.register(meterRegistry);
		return new OpenStackClients(cloud, config);
	}

	@Bean
	UpstreamCalls upstreamCalls(OpenStackClients clients, UpstreamProperties upstream, Clock clock,
			MeterRegistry meterRegistry) {
		return new UpstreamCalls(clients, new UpstreamBulkheads(upstream, clock, meterRegistry));
	}

	/**
	 * The gateway's own session. It logs in at start-up, so that wrong credentials stop
	 * the gateway at once, and so does a TLS certificate that does not verify; an
	 * unreachable Keystone does not: the gateway starts, is not ready, and logs in as
	 * soon as Keystone answers.
	 */
	@Bean
	KeystoneSession keystoneSession(CloudConfig cloud, OpenStackClients clients, UpstreamCalls calls,
			UpstreamProperties upstream, Clock clock, MeterRegistry meterRegistry) {
		KeystoneSession session = new KeystoneSession(new KeystoneLogin(cloud, clients), calls,
				upstream.tokenRefreshMargin(), clock, meterRegistry);
		try {
			session.token();
		}
		catch (CloudException ex) {
			if (ex.kind() == CloudException.Kind.UNAUTHORIZED) {
				throw new CloudConfigException("Keystone refused the credentials of " + cloud.source());
			}
			if (TlsFailures.isHandshake(ex)) {
				throw new CloudConfigException("Cannot log in to Keystone at " + cloud.authUrl() + " (" + cloud.source()
						+ "): " + TlsFailures.describe(ex));
			}
			logger.warn("Cannot log in to Keystone at {} yet ({}); the gateway is not ready until it can",
					cloud.authUrl(), ex.getMessage());
		}
		return session;
	}

	@Bean
	NovaCompute novaCompute(UpstreamCalls calls) {
		return new NovaCompute(calls);
	}

	@Bean
	GlanceImages glanceImages(UpstreamCalls calls) {
		return new GlanceImages(calls);
	}

	@Bean
	NeutronNetworks neutronNetworks(UpstreamCalls calls) {
		return new NeutronNetworks(calls);
	}

	@Bean
	CallerTokens callerTokens(OpenStackClients clients, UpstreamCalls calls, CloudConfig cloud, Clock clock) {
		return new KeystoneCallerTokens(clients, calls, cloud.authUrl().replaceAll("/+$", ""), clock);
	}

	@Bean
	LaunchLocks launchLocks(UpstreamCalls calls, UpstreamProperties upstream) {
		return new KeypairLaunchLocks(calls, upstream.readTimeout());
	}

	@Bean
	KeystoneHealthIndicator keystoneHealthIndicator(KeystoneSession session, CloudConfig cloud,
			OpenStackClients clients) {
		Config probe = clients.timeouts(KeystoneHealthIndicator.PROBE_TIMEOUT, KeystoneHealthIndicator.PROBE_TIMEOUT);
		return new KeystoneHealthIndicator(session, URI.create(cloud.authUrl()),
				UpstreamConnections.forCall(probe, "GET"));
	}

}
