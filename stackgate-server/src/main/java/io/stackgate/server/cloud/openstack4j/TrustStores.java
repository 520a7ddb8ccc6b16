package io.stackgate.server.cloud.openstack4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.stackgate.cloudconfig.CloudConfigException;

/**
 * TLS trust for a cloud with its own CA ({@code cacert} in clouds.yaml,
 * {@code OS_CACERT}).
 */
final class TrustStores {

	private TrustStores() {
	}

	/**
	 * @param pemFile a PEM file with one or more CA certificates
	 * @return an SSL context that trusts exactly those
	 */
	static SSLContext trusting(Path pemFile) {
		try (InputStream in = Files.newInputStream(pemFile)) {
			KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
			trustStore.load(null, null);
			int index = 0;
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				trustStore.setCertificateEntry("ca-" + index++, certificate);
			}
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trustStore);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trust.getTrustManagers(), null);
			return context;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new CloudConfigException("Cannot read the CA certificates in " + pemFile + ": " + ex.getMessage());
		}
	}

}
