package io.stackgate.cloudconfig;

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
import javax.net.ssl.X509TrustManager;

/**
 * The CA certificates of a cloud with a CA of its own ({@code cacert} in clouds.yaml,
 * {@code OS_CACERT}).
 */
public final class CaCertificates {

	private CaCertificates() {
	}

	/**
	 * @param pemFile a PEM file with one or more CA certificates
	 * @return a trust manager that trusts exactly those
	 * @throws CloudConfigException when the file cannot be read or holds no certificate
	 */
	public static X509TrustManager trustManager(Path pemFile) {
		try (InputStream in = Files.newInputStream(pemFile)) {
			KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
			trustStore.load(null, null);
			int index = 0;
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				trustStore.setCertificateEntry("ca-" + index++, certificate);
			}
			if (index == 0) {
				throw new CloudConfigException("No CA certificate in " + pemFile);
			}
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(trustStore);
			return (X509TrustManager) trust.getTrustManagers()[0];
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new CloudConfigException("Cannot read the CA certificates in " + pemFile + ": " + ex.getMessage());
		}
	}

	/**
	 * @param pemFile a PEM file with one or more CA certificates
	 * @return an SSL context that trusts exactly those
	 * @throws CloudConfigException when the file cannot be read or holds no certificate
	 */
	public static SSLContext sslContext(Path pemFile) {
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, new X509TrustManager[] { trustManager(pemFile) }, null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("No TLS in this JVM", ex);
		}
	}

}
