package org.kho.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GcmContextTest {
  private final Random random = new Random(7);

  @BeforeEach
  void needsOpenSsl() {
    assumeTrue(OpenSsl.get() != null, "the system's OpenSSL (libssl3) is not installed");
  }

  @Test
  void aRunOfMessagesSealsAsTheJdkDoesMessageByMessage() {
    for (int keyBytes : new int[] {16, 32}) {
      byte[] key = bytes(keyBytes);
      JdkGcm jdk = new JdkGcm(key);
      try (GcmContext seal = GcmContext.openssl(key, true)) {
        for (int len : new int[] {0, 1, 15, 16, 17, 1000, 32 * 1024, 3}) {
          byte[] nonce = bytes(12);
          byte[] aad = bytes(len % 5);
          byte[] plain = bytes(len);
          byte[] ours = new byte[len + 16];
          byte[] theirs = new byte[len + 16];
          seal.seal(nonce, aad, 0, aad.length, plain, 0, len, ours, 0);
          jdk.seal(nonce, aad, 0, aad.length, plain, 0, len, theirs, 0);
          assertThat(ours).as("%d-byte key, %d bytes", keyBytes, len).isEqualTo(theirs);
        }
      }
    }
  }

  @Test
  void opensWhatWasSealedInPlaceAndGoesOnAfterARefusedMessage() {
    byte[] key = bytes(16);
    try (GcmContext seal = GcmContext.openssl(key, true); GcmContext open = GcmContext.openssl(key, false)) {
      for (int i = 0; i < 50; i++) {
        byte[] nonce = bytes(12);
        byte[] aad = bytes(4);
        byte[] plain = bytes(100 + i * 37);
        byte[] packet = Arrays.copyOf(plain, plain.length + 16);
        seal.seal(nonce, aad, 0, 4, packet, 0, plain.length, packet, 0);
        assertThat(Arrays.copyOf(packet, plain.length)).isNotEqualTo(plain);
        if (i % 7 == 3) {
          byte[] bad = packet.clone();
          bad[i % bad.length] ^= 1;
          assertThat(open.open(nonce, aad, 0, 4, bad, 0, bad.length, new byte[bad.length], 0)).as("message %d", i).isFalse();
        }
        assertThat(open.open(nonce, aad, 0, 4, packet, 0, packet.length, packet, 0)).as("message %d", i).isTrue();
        assertThat(Arrays.copyOf(packet, plain.length)).isEqualTo(plain);
      }
    }
  }

  @Test
  void refusesTheOtherDirectionATooShortMessageAndUseAfterClose() {
    byte[] key = bytes(32);
    byte[] nonce = bytes(12);
    GcmContext seal = GcmContext.openssl(key, true);
    assertThat(seal.seals()).isTrue();
    assertThatThrownBy(() -> seal.open(nonce, new byte[0], 0, 0, new byte[16], 0, 16, new byte[16], 0))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("made to seal");
    try (GcmContext open = GcmContext.openssl(key, false)) {
      assertThat(open.open(nonce, new byte[0], 0, 0, new byte[15], 0, 15, new byte[15], 0)).isFalse();
    }
    seal.close();
    seal.close();
    assertThatThrownBy(() -> seal.seal(nonce, new byte[0], 0, 0, new byte[1], 0, 1, new byte[17], 0))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> GcmContext.openssl(new byte[24], true)).isInstanceOf(IllegalArgumentException.class);
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }
}
