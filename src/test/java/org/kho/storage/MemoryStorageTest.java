package org.kho.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryStorageTest extends StreamingStorageContract {


  private final MemoryStorage memory = new MemoryStorage();

  @Override
  protected Storage newStorage() {
    return memory;
  }

  @Test
  void writesBeyondTheBudgetFailAsAFullDiskAndStoreNothing() {
    byte[] first = randomBytes(60);
    byte[] second = randomBytes(60);
    memory.failWritesAfter(100);
    memory.create(nameOf(ObjectKind.DATA, first), first);

    assertThatThrownBy(() -> memory.create(nameOf(ObjectKind.DATA, second), second))
        .isInstanceOf(StorageFullException.class)
        .hasMessageContaining("memory");
    assertThat(memory.exists(nameOf(ObjectKind.DATA, second))).isFalse();
    assertThat(memory.list(ObjectKind.DATA)).hasSize(1);
  }

  @Test
  void deletingFreesRoomWithinTheBudget() {
    byte[] first = randomBytes(60);
    byte[] second = randomBytes(60);
    memory.failWritesAfter(100);
    memory.create(nameOf(ObjectKind.DATA, first), first);

    memory.delete(nameOf(ObjectKind.DATA, first));
    memory.create(nameOf(ObjectKind.DATA, second), second);

    assertThat(memory.read(nameOf(ObjectKind.DATA, second))).isEqualTo(second);
  }

  @Test
  void refusingAnExistingNameUsesNoBudget() {
    byte[] data = randomBytes(60);
    ObjectName name = nameOf(ObjectKind.DATA, data);
    memory.failWritesAfter(100);
    memory.create(name, data);

    assertThatThrownBy(() -> memory.create(name, data)).isInstanceOf(ObjectExistsException.class);
    byte[] more = randomBytes(40);
    memory.create(nameOf(ObjectKind.DATA, more), more);
  }

  @Test
  void corruptFlipsExactlyOneByte() {
    byte[] data = randomBytes(100);
    ObjectName name = nameOf(ObjectKind.DATA, data);
    memory.create(name, data);

    memory.corrupt(name, 42);

    byte[] read = memory.read(name);
    assertThat(read[42]).isEqualTo((byte) ~data[42]);
    read[42] = data[42];
    assertThat(read).isEqualTo(data);
  }

  @Test
  void corruptingAMissingObjectThrowsNoSuchObject() {
    assertThatThrownBy(() -> memory.corrupt(ObjectName.CONFIG, 0)).isInstanceOf(NoSuchObjectException.class);
  }
}
