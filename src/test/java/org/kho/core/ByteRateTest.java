package org.kho.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteRateTest {
  @Test
  void readsPlainAndPrefixedRates() {
    assertThat(ByteRate.parse("1000").bytesPerSecond()).isEqualTo(1000);
    assertThat(ByteRate.parse("500k").bytesPerSecond()).isEqualTo(500_000);
    assertThat(ByteRate.parse("10MiB/s").bytesPerSecond()).isEqualTo(10L << 20);
    assertThat(ByteRate.parse("2.5 MB/s").bytesPerSecond()).isEqualTo(2_500_000);
    assertThat(ByteRate.parse("1G").bytesPerSecond()).isEqualTo(1_000_000_000);
  }

  @Test
  void refusesWhatIsNotARate() {
    assertThatThrownBy(() -> ByteRate.parse("fast")).isInstanceOf(UsageException.class).hasMessageContaining("'fast'");
    assertThatThrownBy(() -> ByteRate.parse("0")).isInstanceOf(UsageException.class);
  }
}
