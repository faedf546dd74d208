package org.kho.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The system's OpenSSL against the JDK's providers: the same bytes, the same refusals. */
class OpenSslTest {
  private static final int[] LENGTHS = {0, 1, 15, 16, 17, 1023, 4096, Aead.SEGMENT - 1, Aead.SEGMENT,
      Aead.SEGMENT + 1, 3 * Aead.SEGMENT + 12_345};

  @Test
  void isFoundOnLinuxSoBulkCryptoRunsAtFullSpeed() {
    if (System.getProperty("os.name").startsWith("Linux") && !"jdk".equals(System.getProperty("kho.crypto"))) {
      assertThat(OpenSsl.get()).as("libcrypto.so.3 (Debian: apt-get install libssl3) with native access").isNotNull();
      assertThat(Aead.nativeCrypto()).isTrue();
    }
  }

  @Test
  void whatOneSealsTheOtherOpensAndTheBytesAreTheSame() throws Exception {
    Random random = new Random(7);
    for (int len : LENGTHS) {
      byte[] key = bytes(random, 32);
      byte[] aad = bytes(random, random.nextInt(40));
      byte[] plain = bytes(random, len);
      byte[] nonce = bytes(random, Aead.NONCE_BYTES);
      Aead jdk = new Aead(key, false);
      Aead openssl = new Aead(key, true);
      byte[] byJdk = sealed(jdk, nonce, plain, aad);
      byte[] byOpenSsl = sealed(openssl, nonce, plain, aad);
      assertThat(byOpenSsl).as("%d bytes", len).isEqualTo(byJdk);
      assertThat(openssl.open(byJdk, aad)).isEqualTo(plain);
      assertThat(jdk.open(byOpenSsl, aad)).isEqualTo(plain);
    }
  }

  @Test
  void aFlippedBitAnywhereOrOtherAssociatedDataIsRefused() throws Exception {
    Random random = new Random(8);
    Aead aead = new Aead(bytes(random, 32), true);
    byte[] aad = {1, 2, 3};
    byte[] sealed = aead.seal(bytes(random, Aead.SEGMENT + 100), 0, Aead.SEGMENT + 100, aad);
    for (int at : new int[] {0, Aead.NONCE_BYTES, 5000, Aead.NONCE_BYTES + Aead.SEGMENT + 3, sealed.length - 1}) {
      byte[] bad = sealed.clone();
      bad[at] ^= 0x10;
      assertThatThrownBy(() -> aead.open(bad, aad)).as("bit flipped at %d", at).isInstanceOf(AuthenticationFailedException.class);
    }
    assertThatThrownBy(() -> aead.open(sealed, new byte[] {1, 2, 4})).isInstanceOf(AuthenticationFailedException.class);
    assertThatThrownBy(() -> new Aead(new byte[32], true).open(sealed, aad)).isInstanceOf(AuthenticationFailedException.class);
    assertThat(aead.open(sealed, aad)).hasSize(Aead.SEGMENT + 100);
  }

  @Test
  void openingIntoAnOffsetLeavesTheRestOfTheBufferAlone() throws Exception {
    Aead aead = new Aead(new byte[32], true);
    byte[] plain = bytes(new Random(9), 70_000);
    byte[] sealed = aead.seal(plain, 0, plain.length, new byte[0]);
    byte[] out = new byte[plain.length + 20];
    Arrays.fill(out, (byte) 0x5a);
    assertThat(aead.open(sealed, 0, sealed.length, new byte[0], out, 10)).isEqualTo(plain.length);
    assertThat(Arrays.copyOfRange(out, 10, 10 + plain.length)).isEqualTo(plain);
    assertThat(Arrays.copyOf(out, 10)).containsOnly(0x5a);
    assertThat(Arrays.copyOfRange(out, 10 + plain.length, out.length)).containsOnly(0x5a);
  }

  @Test
  void keyedHashAndSha256MatchTheJdkOnSlicesOfAnyLength() throws Exception {
    Random random = new Random(10);
    for (int len : LENGTHS) {
      byte[] key = bytes(random, 32);
      byte[] data = bytes(random, len + 9);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(data, 4, len);
      assertThat(new KeyedHash(key, true).of(data, 4, len)).as("%d bytes", len).isEqualTo(mac.doFinal())
          .isEqualTo(new KeyedHash(key, false).of(data, 4, len));
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(data, 5, len);
      assertThat(Sha256.of(data, 5, len)).isEqualTo(sha.digest());
    }
    assertThat(Sha256.hex(new byte[0])).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void streamingSha256MatchesTheJdkFedInAnyPiecesAndAfterReset() throws Exception {
    Random random = new Random(11);
    MessageDigest ours = Sha256.digest();
    assertThat(ours).isInstanceOf(NativeSha256.class);
    for (int len : LENGTHS) {
      byte[] data = bytes(random, len + 3);
      MessageDigest jdk = MessageDigest.getInstance("SHA-256");
      jdk.update(data, 3, len);
      for (int at = 3; at < len + 3; ) {
        int n = Math.min(len + 3 - at, 1 + random.nextInt(70_000));
        ours.update(data, at, n);
        at += n;
      }
      assertThat(ours.digest()).as("%d bytes", len).isEqualTo(jdk.digest());
    }
    ours.update(new byte[] {1, 2, 3});
    ours.reset();
    ours.update((byte) 'a');
    ours.update("bc".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(HexFormat.of().formatHex(ours.digest()))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void everySealDrawsAFreshNonce() {
    Aead aead = new Aead(new byte[32], true);
    java.util.Set<String> nonces = new java.util.HashSet<>();
    for (int i = 0; i < 2000; i++) {
      byte[] sealed = aead.seal(new byte[1], 0, 1, new byte[0]);
      nonces.add(HexFormat.of().formatHex(sealed, 0, Aead.NONCE_BYTES));
    }
    assertThat(nonces).hasSize(2000);
    byte[] a = new byte[32];
    byte[] b = new byte[32];
    OpenSsl.get().randomBytes(a, 0, a.length);
    OpenSsl.get().randomBytes(b, 0, b.length);
    assertThat(a).isNotEqualTo(b).isNotEqualTo(new byte[32]);
  }

  @Test
  void matchesAPublishedGcmTestVector() throws Exception {
    // NIST GCM test case 16 (AES-256, 60-byte plaintext, 20-byte associated data), one segment
    // sealed straight through OpenSsl, as the segment format needs its own nonce and data
    HexFormat hex = HexFormat.of();
    byte[] key = hex.parseHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
    byte[] iv = hex.parseHex("cafebabefacedbaddecaf888");
    byte[] plain = hex.parseHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
    byte[] aad = hex.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    byte[] out = new byte[plain.length + Aead.TAG_BYTES];
    OpenSsl openssl = OpenSsl.get();
    if (openssl == null) {
      return; // the JDK path is checked against the JDK itself in CryptoTest; isFoundOnLinux… fails on Linux
    }
    openssl.seal(key, iv, aad, 0, aad.length, plain, 0, plain.length, out, 0);
    assertThat(hex.formatHex(out)).isEqualTo("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
        + "76fc6ece0f4e1768cddf8853bb2d551b");
    byte[] back = new byte[plain.length];
    assertThat(openssl.open(key, iv, aad, 0, aad.length, out, 0, out.length, back, 0)).isTrue();
    assertThat(back).isEqualTo(plain);
  }

  private static byte[] sealed(Aead aead, byte[] nonce, byte[] plain, byte[] aad) {
    byte[] out = new byte[Aead.sealedLength(plain.length)];
    aead.seal(nonce, plain, 0, plain.length, aad, out, 0);
    return out;
  }

  private static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
