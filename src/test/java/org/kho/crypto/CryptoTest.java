package org.kho.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.core.KhoException;

class CryptoTest {
  private static final byte[] KEY = new byte[32];
  private static final byte[] AAD = "chunk".getBytes(StandardCharsets.US_ASCII);

  @Test
  void sealedDataOpensWithTheSameKeyAndAssociatedData() throws Exception {
    byte[] plain = new byte[300_000];
    new Random(1).nextBytes(plain);
    Aead aead = new Aead(KEY);
    byte[] sealed = aead.seal(plain, 0, plain.length, AAD);
    assertThat(sealed).hasSize(Aead.sealedLength(plain.length)).hasSize(Aead.NONCE_BYTES + plain.length + 5 * Aead.TAG_BYTES);
    assertThat(aead.open(sealed, AAD)).isEqualTo(plain);
  }

  @Test
  void segmentsCannotBeDroppedReorderedOrCutOff() throws Exception {
    byte[] plain = new byte[3 * Aead.SEGMENT];
    new Random(2).nextBytes(plain);
    Aead aead = new Aead(KEY);
    byte[] sealed = aead.seal(plain, 0, plain.length, AAD);
    int seg = Aead.SEGMENT + Aead.TAG_BYTES;
    byte[] cut = Arrays.copyOf(sealed, Aead.NONCE_BYTES + 2 * seg);
    assertThatThrownBy(() -> aead.open(cut, AAD)).isInstanceOf(AuthenticationFailedException.class);
    byte[] swapped = sealed.clone();
    System.arraycopy(sealed, Aead.NONCE_BYTES, swapped, Aead.NONCE_BYTES + seg, seg);
    System.arraycopy(sealed, Aead.NONCE_BYTES + seg, swapped, Aead.NONCE_BYTES, seg);
    assertThatThrownBy(() -> aead.open(swapped, AAD)).isInstanceOf(AuthenticationFailedException.class);
    assertThat(aead.open(sealed, AAD)).isEqualTo(plain);
    assertThat(aead.open(aead.seal(new byte[0], 0, 0, AAD), AAD)).isEmpty();
  }

  @Test
  void sealedFormIsOneGcmMessagePerSegmentHoweverTheCipherIsFed() throws Exception {
    Aead aead = new Aead(KEY);
    for (int len : new int[] {0, 1, 4095, 4096, 4097, 8192 + 17, Aead.SEGMENT - 1, Aead.SEGMENT, Aead.SEGMENT + 1,
        2 * Aead.SEGMENT + 4096, 150_000}) {
      byte[] plain = new byte[len];
      new Random(len).nextBytes(plain);
      byte[] sealed = aead.seal(plain, 0, len, AAD);
      assertThat(sealed).as("%d bytes", len).isEqualTo(sealedSegmentBySegment(plain, Arrays.copyOf(sealed, Aead.NONCE_BYTES)));
    }
  }

  /** FORMAT.md's sealed form, each segment one JDK AES-GCM call: the reference for {@link Aead#seal}. */
  private static byte[] sealedSegmentBySegment(byte[] plain, byte[] nonce) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(nonce);
    int count = Math.max(1, (plain.length + Aead.SEGMENT - 1) / Aead.SEGMENT);
    for (int i = 0; i < count; i++) {
      byte[] segmentNonce = nonce.clone();
      java.nio.ByteBuffer.wrap(segmentNonce, 8, 4).putInt(java.nio.ByteBuffer.wrap(nonce, 8, 4).getInt() ^ i);
      javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
      c.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(KEY, "AES"),
          new javax.crypto.spec.GCMParameterSpec(128, segmentNonce));
      c.updateAAD(java.nio.ByteBuffer.allocate(AAD.length + 5).put(AAD).putInt(i).put((byte) (i == count - 1 ? 1 : 0))
          .array());
      int from = i * Aead.SEGMENT;
      out.write(c.doFinal(plain, from, Math.min(Aead.SEGMENT, plain.length - from)));
    }
    return out.toByteArray();
  }

  @Test
  void publicKeyFromASeedIsBouncyCastlesAndSignaturesCheckWithIt() throws Exception {
    Random random = new Random(3);
    for (int i = 0; i < 5; i++) {
      byte[] seed = new byte[32];
      random.nextBytes(seed);
      assertThat(Ed25519Public.fromSeed(seed).getEncoded()).isEqualTo(Ed25519Public.byBouncyCastle(seed).getEncoded());
    }
  }

  @Test
  void sealingTwiceUsesFreshNonces() {
    Aead aead = new Aead(KEY);
    byte[] a = aead.seal(new byte[10], 0, 10, AAD);
    byte[] b = aead.seal(new byte[10], 0, 10, AAD);
    assertThat(Arrays.copyOf(a, Aead.NONCE_BYTES)).isNotEqualTo(Arrays.copyOf(b, Aead.NONCE_BYTES));
  }

  @Test
  void anyFlippedBitOtherAssociatedDataOrOtherKeyFailsToOpen() {
    Aead aead = new Aead(KEY);
    byte[] sealed = aead.seal(new byte[100], 0, 100, AAD);
    for (int i = 0; i < sealed.length; i += 7) {
      byte[] bad = sealed.clone();
      bad[i] ^= 1;
      assertThatThrownBy(() -> aead.open(bad, AAD)).isInstanceOf(AuthenticationFailedException.class);
    }
    assertThatThrownBy(() -> aead.open(sealed, "tree".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(AuthenticationFailedException.class);
    byte[] otherKey = new byte[32];
    otherKey[0] = 1;
    assertThatThrownBy(() -> new Aead(otherKey).open(sealed, AAD)).isInstanceOf(AuthenticationFailedException.class);
    assertThatThrownBy(() -> aead.open(new byte[5], AAD)).isInstanceOf(AuthenticationFailedException.class);
  }

  @Test
  void hkdfMatchesRfc5869TestCaseOne() {
    HexFormat hex = HexFormat.of();
    byte[] ikm = hex.parseHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
    byte[] salt = hex.parseHex("000102030405060708090a0b0c");
    byte[] info = hex.parseHex("f0f1f2f3f4f5f6f7f8f9");
    assertThat(hex.formatHex(Hkdf.derive(ikm, salt, info, 42))).isEqualTo(
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
    assertThat(Hkdf.derive(ikm, salt, "a", 32)).isNotEqualTo(Hkdf.derive(ikm, salt, "b", 32));
  }

  @Test
  void keyedHashDependsOnTheKey() {
    byte[] data = "same content".getBytes(StandardCharsets.US_ASCII);
    byte[] other = new byte[32];
    other[31] = 1;
    assertThat(new KeyedHash(KEY).of(data)).hasSize(32).isNotEqualTo(new KeyedHash(other).of(data))
        .isNotEqualTo(Sha256.of(data));
  }

  @Test
  void argon2idIsDeterministicAndSaltSensitive() {
    Argon2id cheap = new Argon2id(64, 1, 1);
    byte[] pw = "correct horse".getBytes(StandardCharsets.UTF_8);
    byte[] salt = new byte[16];
    assertThat(cheap.derive(pw, salt, 32)).isEqualTo(cheap.derive(pw, salt, 32));
    salt[0] = 1;
    assertThat(cheap.derive(pw, salt, 32)).isNotEqualTo(cheap.derive(pw, new byte[16], 32));
  }

  @Test
  void argon2idMatchesTheReferenceImplementation() {
    // The reference implementation's own test vector (argon2id, v1.3, t=2, m=64 MiB, p=1),
    // also what Debian's argon2 tool prints for: echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32 -r
    byte[] out = new Argon2id(65536, 2, 1).derive("password".getBytes(StandardCharsets.UTF_8),
        "somesalt".getBytes(StandardCharsets.UTF_8), 32);
    assertThat(HexFormat.of().formatHex(out)).isEqualTo("09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7");
  }

  @Test
  void signaturesVerifyWithThePublicKeyFileOnly(@TempDir Path dir) throws Exception {
    SigningKey key = SigningKey.generate();
    key.write(dir.resolve("signing.key"), dir.resolve("signing.pub"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("signing.key")))).isEqualTo("rw-------");
    byte[] message = "snapshot 42".getBytes(StandardCharsets.UTF_8);
    byte[] signature = SigningKey.read(dir.resolve("signing.key")).sign(message);
    VerifyingKey pub = VerifyingKey.read(dir.resolve("signing.pub"));
    assertThat(pub.verify(message, signature)).isTrue();
    assertThat(pub.fingerprint()).isEqualTo(key.verifying().fingerprint());
    message[0] ^= 1;
    assertThat(pub.verify(message, signature)).isFalse();
    assertThat(SigningKey.generate().verifying().verify("snapshot 42".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
  }

  @Test
  void signingKeyReadableByOthersIsRefused(@TempDir Path dir) throws Exception {
    SigningKey.generate().write(dir.resolve("k"), dir.resolve("k.pub"));
    Files.setPosixFilePermissions(dir.resolve("k"), PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> SigningKey.read(dir.resolve("k"))).isInstanceOf(KhoException.class)
        .hasMessageContaining("readable by others");
  }

  @Test
  void publicKeyFileThatIsNotAKeyGivesAClearMessage(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("x.pub"), "hello");
    assertThatThrownBy(() -> VerifyingKey.read(dir.resolve("x.pub"))).isInstanceOf(KhoException.class)
        .hasMessageContaining("is not a public key");
  }
}
