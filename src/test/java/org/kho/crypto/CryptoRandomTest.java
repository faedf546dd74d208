package org.kho.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CryptoRandomTest {
  @Test
  void fillsOnlyTheGivenRange() {
    byte[] b = new byte[64];
    Arrays.fill(b, (byte) 0x5a);
    CryptoRandom.fill(b, 8, 40);
    assertThat(Arrays.copyOfRange(b, 0, 8)).containsOnly(0x5a);
    assertThat(Arrays.copyOfRange(b, 48, 64)).containsOnly(0x5a);
    byte[] middle = Arrays.copyOfRange(b, 8, 48);
    assertThat(middle).isNotEqualTo(new byte[40]);
    byte[] all5a = new byte[40];
    Arrays.fill(all5a, (byte) 0x5a);
    assertThat(middle).isNotEqualTo(all5a);
  }

  @Test
  void neverRepeatsWithinManyDraws() {
    Set<String> seen = new HashSet<>();
    byte[] b = new byte[16];
    for (int i = 0; i < 10_000; i++) {
      CryptoRandom.fill(b);
      seen.add(Arrays.toString(b));
    }
    assertThat(seen).hasSize(10_000);
  }

  @Test
  void looksUniformOverManyBytes() {
    byte[] b = new byte[1 << 20];
    CryptoRandom.fill(b, 0, b.length);
    int[] counts = new int[256];
    for (byte x : b) {
      counts[x & 0xff]++;
    }
    // expected 4096 per value; 6 standard deviations (about 6 * 64) either side
    assertThat(Arrays.stream(counts).min().orElseThrow()).isGreaterThan(4096 - 400);
    assertThat(Arrays.stream(counts).max().orElseThrow()).isLessThan(4096 + 400);
  }

  @Test
  void refusesARangeOutsideTheArray() {
    assertThatThrownBy(() -> CryptoRandom.fill(new byte[8], 4, 8)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> CryptoRandom.fill(new byte[8], -1, 2)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
