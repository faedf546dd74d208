package org.kho.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WarmupTest {
  @Test
  void sealsOpensAndHashesEachRoundWithItsRealSize() {
    // round 0 is a full 64 KiB segment, rounds 1..31 are 1 KiB: the opened lengths add up exactly
    int opened = Warmup.run(32) - hashBytes(32);
    assertEquals(64 * 1024 + 31 * 1024, opened);
  }

  private static int hashBytes(int rounds) {
    KeyedHash hash = new KeyedHash(new byte[Aead.KEY_BYTES]);
    int sum = 0;
    for (int i = 0; i < rounds; i++) {
      sum += hash.of(new byte[i % 32 == 0 ? Aead.SEGMENT : 1024])[0];
    }
    return sum;
  }
}
