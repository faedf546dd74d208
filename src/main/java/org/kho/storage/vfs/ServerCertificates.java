package org.kho.storage.vfs;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.kho.storage.StorageException;

/**
 * Decides whether an FTPS server's certificate is the right one: its chain must lead to a trusted
 * certificate (those of a PEM file, or else the JDK's authorities) and it must name the host Kho
 * connected to. The FTP library checks neither by default.
 */
final class ServerCertificates implements X509TrustManager {
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;
  private final X509TrustManager chain;
  private final String host;

  private ServerCertificates(X509TrustManager chain, String host) {
    this.chain = chain;
    this.host = host;
  }

  /** Trusts what {@code pem} holds (or the JDK's authorities), for certificates naming {@code host}. */
  static TrustManager forHost(Optional<Path> pem, String host) {
    try {
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(pem.isPresent() ? keyStore(pem.get()) : null);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return new ServerCertificates(x509, host);
        }
      }
      throw new IllegalStateException("the JDK has no X.509 trust manager");
    } catch (GeneralSecurityException | IOException e) {
      throw new StorageException("cannot read the trusted certificates " + pem.map(Path::toString).orElse("of the JDK")
          + ": " + e.getMessage(), "give a PEM file holding the server's certificate or its CA", e);
    }
  }

  private static KeyStore keyStore(Path pem) throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      int i = 0;
      for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("trusted-" + i++, certificate);
      }
      if (i == 0) {
        throw new CertificateException(pem + " holds no certificate");
      }
    }
    return store;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
    chain.checkServerTrusted(certificates, authType);
    if (!names(certificates[0], host)) {
      throw new CertificateException("the certificate of the server is for " + subjectNames(certificates[0])
          + ", not for " + host);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
    throw new CertificateException("Kho is a client only");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return chain.getAcceptedIssuers();
  }

  /** Whether the certificate's subject alternative names include {@code host} (one leading wildcard label allowed). */
  static boolean names(X509Certificate certificate, String host) throws CertificateParsingException {
    Collection<List<?>> names = certificate.getSubjectAlternativeNames();
    if (names == null) {
      return false;
    }
    boolean ip = host.matches("[0-9.]+|.*:.*");
    for (List<?> name : names) {
      int type = (Integer) name.get(0);
      String value = String.valueOf(name.get(1));
      if (ip ? type == IP_ADDRESS && sameAddress(value, host) : type == DNS_NAME && dnsMatches(value, host)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameAddress(String a, String b) {
    try {
      return InetAddress.ofLiteral(a).equals(InetAddress.ofLiteral(b));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean dnsMatches(String pattern, String host) {
    String p = pattern.toLowerCase(Locale.ROOT);
    String h = host.toLowerCase(Locale.ROOT);
    if (p.startsWith("*.")) {
      int dot = h.indexOf('.');
      return dot > 0 && h.substring(dot).equals(p.substring(1));
    }
    return p.equals(h);
  }

  private static String subjectNames(X509Certificate certificate) {
    try {
      Collection<List<?>> names = certificate.getSubjectAlternativeNames();
      return names == null ? certificate.getSubjectX500Principal().getName()
          : names.stream().map(n -> String.valueOf(n.get(1))).toList().toString();
    } catch (CertificateParsingException e) {
      return certificate.getSubjectX500Principal().getName();
    }
  }
}
