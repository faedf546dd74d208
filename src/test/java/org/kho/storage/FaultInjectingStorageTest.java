package org.kho.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectingStorageTest {
  private List<Boolean> outcomes(long seed, double fraction) {
    FaultInjectingStorage faulty = new FaultInjectingStorage(new MemoryStorage(), fraction, seed);
    List<Boolean> failed = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      try {
        faulty.list(ObjectKind.DATA);
        failed.add(false);
      } catch (TransientStorageException e) {
        failed.add(true);
      }
    }
    assertThat(faulty.injected()).isEqualTo(failed.stream().filter(f -> f).count());
    return failed;
  }

  @Test
  void failsAboutTheGivenFractionOfOperations() {
    long failures = outcomes(3, 0.05).stream().filter(f -> f).count();

    assertThat(failures).isBetween(25L, 80L);
  }

  @Test
  void theSameSeedFailsTheSameOperations() {
    assertThat(outcomes(11, 0.2)).isEqualTo(outcomes(11, 0.2));
    assertThat(outcomes(11, 0.2)).isNotEqualTo(outcomes(12, 0.2));
  }

  @Test
  void aFailedCreateEitherStoredNothingOrStoredTheWholeObject() {
    MemoryStorage memory = new MemoryStorage();
    FaultInjectingStorage faulty = new FaultInjectingStorage(memory, 1.0, 5);
    int done = 0;
    for (int i = 0; i < 50; i++) {
      byte[] data = ("object " + i).getBytes();
      ObjectName name = ObjectName.of(ObjectKind.INDEX, org.kho.crypto.Sha256.hex(data));
      try {
        faulty.create(name, data);
      } catch (TransientStorageException expected) {
        done += memory.exists(name) ? 1 : 0;
        assertThat(!memory.exists(name) || java.util.Arrays.equals(memory.read(name), data)).isTrue();
      }
    }
    assertThat(done).isBetween(10, 40);
  }
}
