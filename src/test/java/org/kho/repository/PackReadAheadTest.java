package org.kho.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.kho.storage.ForwardingStorage;
import org.kho.storage.MemoryStorage;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;
import org.kho.storage.StorageException;

class PackReadAheadTest {
  private static final int PACK = 100;

  /** A target "on this machine" that records the prefetches it is asked for. */
  private static class Recording extends ForwardingStorage {
    final List<String> fetched = new CopyOnWriteArrayList<>();

    Recording(Storage inner) {
      super(inner);
    }

    @Override
    public void prefetch(ObjectName name) {
      fetched.add(name.name());
    }

    @Override
    public Optional<Path> localRoot() {
      return Optional.of(Path.of("/repository"));
    }
  }

  /** Ten packs of 100 bytes, named so that name order is 0..9 whatever order the target lists them in. */
  private static Recording tenPacks() {
    MemoryStorage memory = new MemoryStorage();
    for (int i = 9; i >= 0; i--) {
      memory.create(ObjectName.of(ObjectKind.DATA, name(i)), new byte[PACK]);
    }
    return new Recording(memory);
  }

  private static String name(int i) {
    return String.valueOf(i).repeat(64);
  }

  private static List<String> names(int from, int to) {
    return IntStream.range(from, to).mapToObj(PackReadAheadTest::name).toList();
  }

  @Test
  void fetchesPacksInNameOrderAndStaysWithinTheWindowAheadOfThePackBeingVerified() throws Exception {
    Recording storage = tenPacks();
    try (PackReadAhead ahead = PackReadAhead.start(storage, 350)) {
      awaitFetched(storage, 4);
      Thread.sleep(100);
      assertThat(storage.fetched).as("before any verification: the packs starting below 350").isEqualTo(names(0, 4));

      ahead.verifying(name(5));
      awaitFetched(storage, 9);
      Thread.sleep(100);
      assertThat(storage.fetched).as("packs starting below 500 + 350").isEqualTo(names(0, 9));

      ahead.verifying(name(2)); // an earlier pack moves nothing back
      ahead.verifying(name(7));
      awaitFetched(storage, 10);
      assertThat(storage.fetched).isEqualTo(names(0, 10));
    }
  }

  @Test
  void closingStopsTheFetching() throws Exception {
    Recording storage = tenPacks();
    PackReadAhead ahead = PackReadAhead.start(storage, 150);
    awaitFetched(storage, 2);
    ahead.close();
    ahead.verifying(name(8));
    awaitEnd(ahead);

    assertThat(storage.fetched).isEqualTo(names(0, 2));
  }

  @Test
  void nothingStartsForATargetNotOnThisMachine() {
    MemoryStorage memory = new MemoryStorage();

    assertThat(PackReadAhead.start(memory)).isNull();
  }

  @Test
  void aListingThatFailsEndsTheFetchingQuietly() throws Exception {
    Recording failing = new Recording(new MemoryStorage()) {
      @Override
      public List<ObjectInfo> list(ObjectKind kind) {
        throw new StorageException("the disk is gone", "mount it", null);
      }
    };
    PackReadAhead ahead = PackReadAhead.start(failing, 350);
    awaitEnd(ahead);
    ahead.verifying(name(1));
    ahead.close();

    assertThat(failing.fetched).isEmpty();
  }

  @Test
  void aPrefetchThatFailsEndsTheFetchingQuietly() throws Exception {
    Recording failing = new Recording(tenPacks()) {
      @Override
      public void prefetch(ObjectName name) {
        super.prefetch(name);
        throw new StorageException("the disk is gone", "mount it", null);
      }
    };
    PackReadAhead ahead = PackReadAhead.start(failing, 1000);
    awaitEnd(ahead);

    assertThat(failing.fetched).isEqualTo(names(0, 1));
  }

  private static void awaitEnd(PackReadAhead ahead) throws InterruptedException {
    for (int i = 0; i < 500 && ahead.running(); i++) {
      Thread.sleep(10);
    }
    assertThat(ahead.running()).as("the read-ahead thread has ended").isFalse();
  }

  private static void awaitFetched(Recording storage, int count) throws InterruptedException {
    for (int i = 0; i < 500 && storage.fetched.size() < count; i++) {
      Thread.sleep(10);
    }
    assertThat(storage.fetched).hasSizeGreaterThanOrEqualTo(count);
  }
}
