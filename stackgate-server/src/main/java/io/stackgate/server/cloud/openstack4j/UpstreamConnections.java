package io.stackgate.server.cloud.openstack4j;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;

import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.openstack4j.core.transport.Config;

/**
 * The gateway's connections to OpenStack's APIs, kept and shared by every call and
 * thread: one OkHttp client per TLS setup, all over one pool. A call that finds an idle
 * connection to its service's host and port (and TLS setup) uses it, so a live view that
 * polls opens no connection per poll and a cloud behind TLS costs one handshake per
 * connection, not one per call. How many calls run at once, and so how many connections a
 * service gets, is bounded by the service's bulkhead ({@link UpstreamBulkheads}); this
 * bounds the idle ones.
 * <p>
 * Reads ({@code GET}, {@code HEAD}) use kept connections and are sent again once on a new
 * one when a kept connection turns out closed by the service (which services do to idle
 * connections without notice). Writes are never sent twice (a create may have been acted
 * on), so they go out on a connection of their own instead: a kept one that the service
 * closed at that moment would fail them.
 */
final class UpstreamConnections {

	/** Idle connections kept at most, over all services. */
	static final int MAX_IDLE = 100;

	/** How long an idle connection is kept. */
	static final long KEEP_ALIVE_SECONDS = 30;

	private static final ConnectionPool KEPT = new ConnectionPool(MAX_IDLE, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);

	private static final ConnectionPool NONE_KEPT = new ConnectionPool(0, 1, TimeUnit.MILLISECONDS);

	private static final OkHttpClient JDK_TRUST = new OkHttpClient.Builder().connectionPool(KEPT).build();

	private static final OkHttpClient NO_VERIFICATION = trusting(JDK_TRUST.newBuilder(), new TrustingAll())
		.hostnameVerifier((host, session) -> true)
		.build();

	/**
	 * The clients of private CAs ({@code cacert}), by the SSL context openstack4j is
	 * given.
	 */
	private static final Map<SSLContext, OkHttpClient> PRIVATE_CAS = new ConcurrentHashMap<>();

	private UpstreamConnections() {
	}

	/**
	 * @param trust the trust manager of a cloud's CA certificates
	 * @return an SSL context to give openstack4j ({@link Config#withSSLContext}): calls
	 * made with it trust that manager
	 */
	static SSLContext register(X509TrustManager trust) {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new X509TrustManager[] { trust }, null);
			PRIVATE_CAS.put(context, trusting(JDK_TRUST.newBuilder(), trust).build());
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("No TLS in this JVM", ex);
		}
	}

	/**
	 * @param config the call's openstack4j configuration: its timeouts and TLS setup
	 * @param method the call's HTTP method
	 * @return a client for the call: its connect timeout, and its read timeout as the
	 * bound of the whole call
	 */
	static OkHttpClient forCall(Config config, String method) {
		OkHttpClient.Builder builder = clientFor(config).newBuilder()
			.connectTimeout(config.getConnectTimeout(), TimeUnit.MILLISECONDS)
			.readTimeout(config.getReadTimeout(), TimeUnit.MILLISECONDS)
			.callTimeout(config.getReadTimeout(), TimeUnit.MILLISECONDS);
		if (!isRead(method)) {
			builder.connectionPool(NONE_KEPT).retryOnConnectionFailure(false);
		}
		return builder.build();
	}

	/**
	 * Closes the idle connections: after a service failed to answer, its kept connections
	 * may lead to processes that are stopping, and a trial call must not wait on one.
	 */
	static void closeIdle() {
		KEPT.evictAll();
	}

	/**
	 * @return the connections open now, in use or idle
	 */
	static int open() {
		return KEPT.connectionCount();
	}

	/**
	 * @return the idle connections kept now
	 */
	static int idle() {
		return KEPT.idleConnectionCount();
	}

	private static OkHttpClient clientFor(Config config) {
		if (config.isIgnoreSSLVerification()) {
			return NO_VERIFICATION;
		}
		if (config.getSslContext() != null) {
			OkHttpClient client = PRIVATE_CAS.get(config.getSslContext());
			if (client == null) {
				throw new IllegalArgumentException("An SSL context that UpstreamConnections.register did not make");
			}
			return client;
		}
		return JDK_TRUST;
	}

	private static boolean isRead(String method) {
		return "GET".equals(method) || "HEAD".equals(method);
	}

	private static OkHttpClient.Builder trusting(OkHttpClient.Builder builder, X509TrustManager trust) {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new X509TrustManager[] { trust }, null);
			return builder.sslSocketFactory(context.getSocketFactory(), trust);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("No TLS in this JVM", ex);
		}
	}

	/**
	 * Trusts every certificate: for {@code insecure: true} (or {@code verify: false})
	 * only, which the gateway logs as a warning at start-up.
	 */
	private static final class TrustingAll implements X509TrustManager {

		@Override
		public void checkClientTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public void checkServerTrusted(X509Certificate[] chain, String authType) {
		}

		@Override
		public X509Certificate[] getAcceptedIssuers() {
			return new X509Certificate[0];
		}

	}

}
