package netcalls.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates a trial trusts for https, as plain JDK types every client library accepts: an
 * {@link SSLContext} and the {@link X509TrustManager} it was initialised with. Trust is always
 * exact (given certificates, or the platform's own store); there is no trust-all.
 */
public record TlsTrust(SSLContext context, X509TrustManager manager) {

  /** Trusts exactly these certificates, nothing else (the built-in servers' self-signed ones). */
  public static TlsTrust of(List<X509Certificate> certificates) {
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("no certificate to trust");
    }
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("trusted-" + i, certificates.get(i));
      }
      return from(store);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a trust store of " + certificates.size() + " certificates", e);
    }
  }

  /** Trusts the certificates of a PEM file (one or more {@code BEGIN CERTIFICATE} blocks). */
  public static TlsTrust fromPem(Path file) throws IOException {
    List<X509Certificate> certificates;
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509").generateCertificates(in);
      certificates = read.stream().map(X509Certificate.class::cast).toList();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(file + ": not a PEM certificate (" + e.getMessage()
          + "): give the server's certificate in PEM form", e);
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(file + ": holds no certificate: give the server's certificate in PEM form");
    }
    return of(certificates);
  }

  /** The platform's default trust (the JDK's cacerts). */
  public static TlsTrust platform() {
    try {
      return from(null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the platform's trusted certificates", e);
    }
  }

  private static TlsTrust from(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    X509TrustManager manager = null;
    for (TrustManager m : factory.getTrustManagers()) {
      if (m instanceof X509TrustManager x) {
        manager = x;
      }
    }
    if (manager == null) {
      throw new GeneralSecurityException("the default TrustManagerFactory gave no X509TrustManager");
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {manager}, null);
    return new TlsTrust(context, manager);
  }
}
