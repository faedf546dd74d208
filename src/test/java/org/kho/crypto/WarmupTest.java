package org.kho.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WarmupTest {
  @Test
  void sealsOpensAndHashesEachRoundWithItsRealSize() {
    // round 0 is a full 64 KiB segment, rounds 1..31 are 1 KiB: the opened lengths add up exactly
    int opened = Warmup.run(32) - hashBytes(32);
    assertEquals(64 * 1024 + 31 * 1024, opened);
  }

  @Test
  void armedTriggerRunsOnceAfterEnoughBulkBytes() {
    AtomicInteger runs = new AtomicInteger();
    Warmup.Trigger trigger = new Warmup.Trigger(1000, runs::incrementAndGet);
    trigger.note(5000); // not armed: a command that was not asked to warm up never does
    assertEquals(0, runs.get());
    trigger.arm();
    trigger.note(600);
    assertEquals(0, runs.get(), "600 of 1000 bytes: not yet");
    trigger.note(400);
    assertEquals(1, runs.get());
    trigger.note(10_000);
    assertEquals(1, runs.get(), "once");
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
