package io.stackgate.server.cloud.openstack4j;

import java.net.URI;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.openstack4j.core.transport.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
	OpenStackClients openStackClients(CloudConfig cloud, UpstreamProperties upstream, MeterRegistry meterRegistry) {
		Config config = Config.newConfig()
			.withConnectionTimeout((int) upstream.connectTimeout().toMillis())
			.withReadTimeout((int) upstream.readTimeout().toMillis());
		if (cloud.caCert() != null) {
			config.withSSLContext(TrustStores.trusting(cloud.caCert()));
		}
		if (!cloud.verify()) {
			config.withSSLVerificationDisabled();
		}
		return new OpenStackClients(cloud, config, new UpstreamBulkheads(upstream, meterRegistry));
	}

	/**
	 * The gateway's own session. It logs in at start-up, so that wrong credentials stop
	 * the gateway at once; an unreachable Keystone does not: the gateway starts, is not
	 * ready, and logs in as soon as Keystone answers.
	 */
	@Bean
	KeystoneSession keystoneSession(CloudConfig cloud, OpenStackClients clients, UpstreamProperties upstream,
			MeterRegistry meterRegistry) {
		KeystoneSession session = new KeystoneSession(new KeystoneLogin(cloud, clients), upstream.tokenRefreshMargin(),
				Clock.systemUTC(), meterRegistry);
		try {
			session.token();
		}
		catch (CloudException ex) {
			if (ex.kind() == CloudException.Kind.UNAUTHORIZED) {
				throw new CloudConfigException("Keystone refused the credentials of " + cloud.source());
			}
			logger.warn("Cannot log in to Keystone at {} yet ({}); the gateway is not ready until it can",
					cloud.authUrl(), ex.getMessage());
		}
		return session;
	}

	@Bean
	UpstreamCalls upstreamCalls(OpenStackClients clients) {
		return new UpstreamCalls(clients);
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
	CallerTokens callerTokens(OpenStackClients clients, CloudConfig cloud) {
		return new KeystoneCallerTokens(clients, cloud.authUrl().replaceAll("/+$", ""), Clock.systemUTC());
	}

	@Bean
	LaunchLocks launchLocks(UpstreamCalls calls, UpstreamProperties upstream) {
		return new KeypairLaunchLocks(calls, upstream.readTimeout());
	}

	@Bean
	KeystoneHealthIndicator keystoneHealthIndicator(KeystoneSession session, CloudConfig cloud) {
		return new KeystoneHealthIndicator(session, URI.create(cloud.authUrl()));
	}

}
