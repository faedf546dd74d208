package org.kho.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class Argon2idTest {
  @Test
  void matchesTheRfc9106TestVectorOnOneThreadAndOnMany() {
    // RFC 9106, 5.3: Argon2id, m = 32 KiB, t = 3, p = 4, password 32 x 01, salt 16 x 02, secret 8 x 03, associated 12 x 04
    byte[] password = filled(32, 1);
    byte[] salt = filled(16, 2);
    byte[] secret = filled(8, 3);
    byte[] associated = filled(12, 4);
    String tag = "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659";
    Argon2id params = new Argon2id(32, 3, 4);
    for (int threads : new int[] {1, 2, 3, 4, 8}) {
      assertThat(HexFormat.of().formatHex(params.deriveInJava(password, salt, secret, associated, 32, threads)))
          .as("%d threads", threads).isEqualTo(tag);
      assertThat(HexFormat.of().formatHex(params.derive(password, salt, secret, associated, 32, threads)))
          .as("%d threads, libargon2 where installed", threads).isEqualTo(tag);
    }
  }

  @Test
  void theSystemsLibargon2GivesTheJavaCodesBytes() {
    // .ci/run installs libargon2-1; on a machine without it the Java code derives every key and this test is skipped
    NativeArgon2 library = NativeArgon2.load();
    assumeTrue(library != null, "libargon2.so.1 is not installed (apt-get install libargon2-1)");
    Random random = new Random(2026);
    for (int run = 0; run < 40; run++) {
      int lanes = 1 + random.nextInt(run < 20 ? 4 : 9);
      Argon2id params = new Argon2id(8 * lanes + random.nextInt(run % 3 == 0 ? 600 : 80), 1 + random.nextInt(4), lanes);
      int length = 4 + random.nextInt(run % 4 == 0 ? 1100 : 70);
      byte[] password = bytes(random, random.nextInt(40));
      byte[] salt = bytes(random, 8 + random.nextInt(24));
      byte[] secret = bytes(random, run % 5 == 0 ? 16 : 0);
      byte[] associated = bytes(random, run % 7 == 0 ? 9 : 0);
      int threads = 1 + random.nextInt(lanes);
      byte[] tag = new byte[length];
      assertThat(library.derive(params, password, salt, secret, associated, tag, threads)).isTrue();
      assertThat(tag).as("%s length=%d threads=%d", params, length, threads)
          .isEqualTo(params.deriveInJava(password, salt, secret, associated, length, threads));
    }
  }

  @Test
  void aSaltTooShortForLibargon2IsLeftToTheJavaCode() {
    Argon2id params = new Argon2id(64, 1, 1);
    byte[] salt = new byte[4];
    NativeArgon2 library = NativeArgon2.load();
    if (library != null) {
      byte[] tag = new byte[32];
      assertThat(library.derive(params, new byte[] {1}, salt, new byte[0], new byte[0], tag, 1)).isFalse();
      assertThat(tag).containsOnly(0);
    }
    assertThat(params.derive(new byte[] {1}, salt, 32))
        .isEqualTo(bouncyCastle(params, new byte[] {1}, salt, new byte[0], new byte[0], 32));
  }

  @Test
  void theDefaultParametersGiveWhatTheReferenceToolGives() {
    // echo -n password | argon2 somesalt -id -t 3 -m 16 -p 4 -l 32 -r   (Debian's argon2, the reference code)
    byte[] password = "password".getBytes(StandardCharsets.UTF_8);
    byte[] salt = "somesalt".getBytes(StandardCharsets.UTF_8);
    String expected = "661fefbd6f29bcbc8f4646abc32a9d7a4645bb5c059537f8a5587f31adbecccd";
    assertThat(HexFormat.of().formatHex(Argon2id.DEFAULT.derive(password, salt, 32))).isEqualTo(expected);
    assertThat(HexFormat.of().formatHex(Argon2id.DEFAULT.deriveInJava(password, salt, new byte[0], new byte[0], 32, 2)))
        .isEqualTo(expected);
  }

  @Test
  void givesBouncyCastlesOutputForAnyParametersAndThreadCount() {
    // existing key slots were made with BouncyCastle's Argon2id: every slot must still open
    Random random = new Random(9106);
    for (int run = 0; run < 60; run++) {
      int lanes = 1 + random.nextInt(run < 30 ? 4 : 9);
      int memory = 8 * lanes + random.nextInt(run % 3 == 0 ? 600 : 80); // often not a multiple of 4 * lanes
      int passes = 1 + random.nextInt(4);
      int length = 4 + random.nextInt(run % 4 == 0 ? 1100 : 70); // short tags and long ones (H' chained)
      byte[] password = bytes(random, random.nextInt(40));
      byte[] salt = bytes(random, 8 + random.nextInt(24));
      byte[] secret = bytes(random, run % 5 == 0 ? 16 : 0);
      byte[] associated = bytes(random, run % 7 == 0 ? 9 : 0);
      Argon2id params = new Argon2id(memory, passes, lanes);
      byte[] expected = bouncyCastle(params, password, salt, secret, associated, length);
      int threads = 1 + random.nextInt(lanes + 1);
      assertThat(params.deriveInJava(password, salt, secret, associated, length, threads))
          .as("m=%d t=%d p=%d length=%d threads=%d", memory, passes, lanes, length, threads).isEqualTo(expected);
      assertThat(params.derive(password, salt, secret, associated, length, threads)).isEqualTo(expected);
    }
  }

  @Test
  void theSameInputsGiveTheSameKeyAndAnotherSaltAnother() {
    Argon2id params = new Argon2id(256, 2, 4);
    byte[] pw = "correct horse".getBytes(StandardCharsets.UTF_8);
    byte[] salt = new byte[16];
    byte[] first = params.derive(pw, salt, 32);
    assertThat(params.derive(pw, salt, 32)).isEqualTo(first);
    salt[15] = 1;
    assertThat(params.derive(pw, salt, 32)).isNotEqualTo(first);
  }

  private static byte[] bouncyCastle(Argon2id p, byte[] password, byte[] salt, byte[] secret, byte[] associated, int length) {
    Argon2BytesGenerator gen = new Argon2BytesGenerator();
    gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(p.memoryKiB()).withIterations(p.iterations()).withParallelism(p.parallelism())
        .withSalt(salt).withSecret(secret).withAdditional(associated).build());
    byte[] out = new byte[length];
    gen.generateBytes(password, out);
    return out;
  }

  private static byte[] filled(int n, int value) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) value);
    return b;
  }

  private static byte[] bytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
