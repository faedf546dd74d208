package org.kho.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import org.kho.core.KhoException;

/** The public half of the agency's signing key: all an auditor needs to check a signature. */
public final class VerifyingKey {
  private static final String LABEL = "PUBLIC KEY";
  private final PublicKey key;

  private VerifyingKey(PublicKey key) {
    this.key = key;
  }

  static VerifyingKey of(PublicKey key) {
    return new VerifyingKey(key);
  }

  /** The public key of {@code key}, computed from the private scalar. */
  static VerifyingKey derive(PrivateKey key) {
    byte[] scalar = ((EdECPrivateKey) key).getBytes().orElseThrow();
    return new VerifyingKey(Ed25519Public.fromSeed(scalar));
  }

  /** Reads a public key PEM file (X.509 SubjectPublicKeyInfo). */
  public static VerifyingKey read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    } catch (IOException e) {
      throw new KhoException("cannot read public key " + file + ": " + e.getClass().getSimpleName(),
          "export it with 'kho key signing-public --signing-key FILE'", e);
    }
  }

  /** The public key in PEM text {@code pem}; {@code where} names it in the message when it is not one. */
  public static VerifyingKey parse(String pem, String where) {
    byte[] der = Pem.read(pem, LABEL).orElseThrow(() -> new KhoException(
        where + " is not a public key (no PEM block '" + LABEL + "')", "use the signing.pub written by 'kho key signing-init'"));
    try {
      return new VerifyingKey(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
    } catch (GeneralSecurityException e) {
      throw new KhoException(where + " does not hold an Ed25519 public key", "use the signing.pub written by 'kho key signing-init'");
    }
  }

  public boolean verify(byte[] message, byte[] signature) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** The PEM text, to hand to auditors. */
  public String pem() {
    return Pem.write(LABEL, key.getEncoded());
  }

  /** A short, stable name of this key: the first 16 bytes of SHA-256 of its encoding, in hex. */
  public String fingerprint() {
    return HexFormat.of().formatHex(Sha256.of(key.getEncoded()), 0, 16);
  }
}
