package org.kho.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * The public half of an Ed25519 private key (its 32-byte seed). The JDK has no call for it, but
 * its key pair generator draws the seed from the random source it is given, so a source that
 * hands out the seed makes it compute the public key: about 50 ms in a fresh JVM against 280 ms
 * for BouncyCastle's (which builds its tables first), paid by every command that signs. Should a
 * JDK draw its seed otherwise, the private key it made differs from the seed and BouncyCastle
 * computes the public key instead.
 */
final class Ed25519Public {
  /** The fixed DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410), before the 32 key bytes. */
  private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private Ed25519Public() {}

  static PublicKey fromSeed(byte[] seed) {
    try {
      KeyPair pair = generatedFrom(seed);
      byte[] made = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElse(new byte[0]);
      return Arrays.equals(made, seed) ? pair.getPublic() : byBouncyCastle(seed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java has no Ed25519", e);
    }
  }

  /** What the JDK's generator makes when its random source hands out {@code seed}. */
  private static KeyPair generatedFrom(byte[] seed) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
    generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
      private static final long serialVersionUID = 1L;

      @Override
      public void nextBytes(byte[] bytes) {
        Arrays.fill(bytes, (byte) 0);
        System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
      }
    });
    return generator.generateKeyPair();
  }

  /** The public key computed by BouncyCastle, for a JDK whose generator draws otherwise. */
  static PublicKey byBouncyCastle(byte[] seed) throws GeneralSecurityException {
    byte[] raw = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
    byte[] spki = new byte[SPKI_PREFIX.length + raw.length];
    System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
    System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
    return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
  }
}
