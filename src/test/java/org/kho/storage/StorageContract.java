package org.kho.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kho.storage.Storage.ObjectInfo;

/**
 * The rules of {@link Storage} that every target must keep. A target's test extends this class
 * and says how to make a fresh, empty target; it may add tests of its own.
 */
public abstract class StorageContract {
  static final int MIB = 1 << 20;
  private static final int THREADS = 8;

  private Storage storage;

  /** A new, empty target, closed after each test. */
  protected abstract Storage newStorage() throws Exception;

  @BeforeEach
  void openTarget() throws Exception {
    storage = newStorage();
  }

  @AfterEach
  void closeTarget() {
    storage.close();
  }

  /** The target under test. */
  protected final Storage storage() {
    return storage;
  }

  /** {@code size} bytes that differ from test to test. */
  protected static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random().nextBytes(bytes);
    return bytes;
  }

  /** The name an object of {@code kind} holding {@code data} has: config, or the hash of the bytes. */
  protected static ObjectName nameOf(ObjectKind kind, byte[] data) {
    return kind == ObjectKind.CONFIG ? ObjectName.CONFIG : ObjectName.of(kind, sha256(data));
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Stores random bytes as a new object of {@code kind} and returns its name. */
  private ObjectName createRandom(ObjectKind kind, int size) {
    byte[] data = randomBytes(size);
    ObjectName name = nameOf(kind, data);
    storage.create(name, data);
    return name;
  }

  @Test
  void describesItselfForMessages() {
    assertThat(storage.describe()).isNotBlank();
  }

  @ParameterizedTest
  @EnumSource(ObjectKind.class)
  void readReturnsTheCreatedBytesForEveryKind(ObjectKind kind) {
    byte[] data = randomBytes(1000);
    ObjectName name = nameOf(kind, data);

    storage.create(name, data);

    assertThat(storage.read(name)).isEqualTo(data);
    assertThat(storage.exists(name)).isTrue();
    assertThat(storage.list(kind)).containsExactly(new ObjectInfo(name, 1000));
  }

  @Test
  void createFromTheStartOfALargerBufferStoresOnlyThoseBytesAndLetsTheCallerReuseIt() {
    byte[] buffer = randomBytes(4096);
    byte[] expected = java.util.Arrays.copyOf(buffer, 1000);
    ObjectName name = nameOf(ObjectKind.DATA, expected);

    storage.create(name, buffer, 1000);
    java.util.Arrays.fill(buffer, (byte) 0);

    assertThat(storage.read(name)).isEqualTo(expected);
    assertThat(storage.size(name)).isEqualTo(1000);
  }

  @Test
  void dataObjectsOfEveryPrefixReadBack() {
    List<ObjectName> names = new ArrayList<>();
    for (String prefix : List.of("00", "7f", "a0", "ff")) {
      ObjectName name = ObjectName.of(ObjectKind.DATA, prefix + sha256(prefix.getBytes()).substring(2));
      storage.create(name, prefix.getBytes());
      names.add(name);
    }

    for (ObjectName name : names) {
      assertThat(storage.read(name)).isEqualTo(name.name().substring(0, 2).getBytes());
    }
    assertThat(storage.list(ObjectKind.DATA)).extracting(ObjectInfo::name).containsExactlyInAnyOrderElementsOf(names);
  }

  @Test
  void anEmptyObjectIsStoredAndListed() {
    ObjectName name = nameOf(ObjectKind.INDEX, new byte[0]);

    storage.create(name, new byte[0]);

    assertThat(storage.read(name)).isEmpty();
    assertThat(storage.size(name)).isZero();
    assertThat(storage.read(name, 0, 10)).isEmpty();
    assertThat(storage.list(ObjectKind.INDEX)).containsExactly(new ObjectInfo(name, 0));
  }

  @Test
  void aTwentyMebibyteObjectReadsBackWhole() {
    byte[] data = randomBytes(20 * MIB);
    ObjectName name = nameOf(ObjectKind.DATA, data);

    storage.create(name, data);

    assertThat(storage.size(name)).isEqualTo(20 * MIB);
    assertThat(storage.read(name)).isEqualTo(data);
  }

  @Test
  void rangeReadsReturnTheAskedBytes() {
    byte[] data = randomBytes(3 * MIB + 17);
    ObjectName name = nameOf(ObjectKind.DATA, data);
    storage.create(name, data);

    assertThat(storage.read(name, MIB + 5, 1000)).isEqualTo(slice(data, MIB + 5, 1000));
    assertThat(storage.read(name, 0, 2 * MIB + 3)).isEqualTo(slice(data, 0, 2 * MIB + 3));
    assertThat(storage.read(name, data.length - 100, 100)).isEqualTo(slice(data, data.length - 100, 100));
  }

  @Test
  void rangeReadsPastTheEndReturnFewerBytes() {
    byte[] data = randomBytes(1000);
    ObjectName name = nameOf(ObjectKind.DATA, data);
    storage.create(name, data);

    assertThat(storage.read(name, 900, 500)).isEqualTo(slice(data, 900, 100));
    assertThat(storage.read(name, 1000, 10)).isEmpty();
    assertThat(storage.read(name, 5000, 10)).isEmpty();
  }

  @Test
  void rangeReadsIntoAnArrayFillOnlyTheAskedPartAndSayHowManyBytesThereWere() {
    byte[] data = randomBytes(2 * MIB + 17);
    ObjectName name = nameOf(ObjectKind.DATA, data);
    storage.create(name, data);
    byte[] into = new byte[2 * MIB + 100];
    Arrays.fill(into, (byte) 7);

    assertThat(storage.read(name, 5, into, 3, 2 * MIB)).isEqualTo(2 * MIB);
    assertThat(slice(into, 3, 2 * MIB)).isEqualTo(slice(data, 5, 2 * MIB));
    assertThat(slice(into, 0, 3)).containsOnly(7);
    assertThat(slice(into, 3 + 2 * MIB, 97)).containsOnly(7);

    assertThat(storage.read(name, data.length - 10, into, 0, 50)).isEqualTo(10);
    assertThat(slice(into, 0, 10)).isEqualTo(slice(data, data.length - 10, 10));
    assertThat(storage.read(name, data.length + 5, into, 0, 50)).isZero();
  }

  @Test
  void aRangeReadIntoAnArrayOfAMissingObjectThrows() {
    ObjectName name = nameOf(ObjectKind.DATA, new byte[] {1});

    assertThatThrownBy(() -> storage.read(name, 0, new byte[8], 0, 8)).isInstanceOf(NoSuchObjectException.class);
  }

  private static byte[] slice(byte[] data, int offset, int length) {
    return Arrays.copyOfRange(data, offset, offset + length);
  }

  @Test
  void sizeIsTheNumberOfBytesCreated() {
    ObjectName name = createRandom(ObjectKind.SNAPSHOT, 4321);

    assertThat(storage.size(name)).isEqualTo(4321);
  }

  @Test
  void existsOnlyBetweenCreateAndDelete() {
    byte[] data = randomBytes(10);
    ObjectName name = nameOf(ObjectKind.LOCK, data);
    assertThat(storage.exists(name)).isFalse();

    storage.create(name, data);
    assertThat(storage.exists(name)).isTrue();

    storage.delete(name);
    assertThat(storage.exists(name)).isFalse();
  }

  @Test
  void listReturnsEveryObjectOfTheKindWithItsSizeAndNoOther() {
    ObjectName a = createRandom(ObjectKind.KEY, 10);
    ObjectName b = createRandom(ObjectKind.KEY, 2000);
    createRandom(ObjectKind.INDEX, 30);
    createRandom(ObjectKind.CONFIG, 40);

    assertThat(storage.list(ObjectKind.KEY)).containsExactlyInAnyOrder(new ObjectInfo(a, 10), new ObjectInfo(b, 2000));
    assertThat(storage.list(ObjectKind.CONFIG)).containsExactly(new ObjectInfo(ObjectName.CONFIG, 40));
    assertThat(storage.list(ObjectKind.EVIDENCE)).isEmpty();
  }

  @Test
  void anEmptyTargetListsNothing() {
    for (ObjectKind kind : ObjectKind.values()) {
      assertThat(storage.list(kind)).as(kind.toString()).isEmpty();
    }
  }

  @Test
  void theConfigObjectIsCreatedOnceAndListed() {
    byte[] data = "repository config".getBytes();

    storage.create(ObjectName.CONFIG, data);

    assertThat(storage.read(ObjectName.CONFIG)).isEqualTo(data);
    assertThat(storage.list(ObjectKind.CONFIG)).containsExactly(new ObjectInfo(ObjectName.CONFIG, data.length));
    assertThatThrownBy(() -> storage.create(ObjectName.CONFIG, "other".getBytes()))
        .isInstanceOf(ObjectExistsException.class);
    assertThat(storage.read(ObjectName.CONFIG)).isEqualTo(data);
  }

  @Test
  void createRefusesAnExistingNameAndKeepsTheOldBytes() {
    byte[] original = randomBytes(5000);
    ObjectName name = nameOf(ObjectKind.DATA, original);
    storage.create(name, original);

    assertThatThrownBy(() -> storage.create(name, randomBytes(100)))
        .isInstanceOf(ObjectExistsException.class)
        .hasMessageContaining(name.toString());
    assertThat(storage.read(name)).isEqualTo(original);
    assertThat(storage.list(ObjectKind.DATA)).containsExactly(new ObjectInfo(name, 5000));
  }

  /** Whether the target takes objects in pieces ({@link Storage#upload}); those also pass {@link UploadContract}. */
  protected boolean streams() {
    return false;
  }

  @Test
  void anUploadIsOfferedExactlyWhereTheTargetTakesObjectsInPieces() {
    Optional<Storage.Upload> upload = storage.upload(ObjectKind.DATA);
    upload.ifPresent(Storage.Upload::close);
    assertThat(upload).as(storage.describe()).matches(u -> u.isPresent() == streams());
  }

  @Test
  void readAndSizeOfAMissingObjectThrowNoSuchObject() {
    ObjectName missing = nameOf(ObjectKind.DATA, "never stored".getBytes());

    assertThatThrownBy(() -> storage.read(missing)).isInstanceOf(NoSuchObjectException.class)
        .hasMessageContaining(missing.toString());
    assertThatThrownBy(() -> storage.read(missing, 0, 10)).isInstanceOf(NoSuchObjectException.class);
    assertThatThrownBy(() -> storage.size(missing)).isInstanceOf(NoSuchObjectException.class);
  }

  @Test
  void aPrefetchChangesNoObjectAndIgnoresAMissingOne() {
    byte[] data = randomBytes(3 * MIB + 17);
    ObjectName name = nameOf(ObjectKind.DATA, data);
    storage.create(name, data);
    ObjectName missing = nameOf(ObjectKind.DATA, "never stored".getBytes());

    storage.prefetch(name);
    storage.prefetch(missing);

    assertThat(storage.read(name)).isEqualTo(data);
    assertThat(storage.exists(missing)).isFalse();
    assertThat(storage.list(ObjectKind.DATA)).containsExactly(new ObjectInfo(name, data.length));
  }

  @Test
  protected void deleteSaysWhetherTheObjectWasThere() {
    ObjectName name = createRandom(ObjectKind.LOCK, 100);

    assertThat(storage.delete(name)).isTrue();
    assertThat(storage.delete(name)).isFalse();
    assertThat(storage.list(ObjectKind.LOCK)).isEmpty();
    assertThatThrownBy(() -> storage.read(name)).isInstanceOf(NoSuchObjectException.class);
  }

  @Test
  void aDeletedNameCanBeCreatedAgain() {
    byte[] data = randomBytes(100);
    ObjectName name = nameOf(ObjectKind.INDEX, data);
    storage.create(name, data);
    storage.delete(name);

    storage.create(name, data);

    assertThat(storage.read(name)).isEqualTo(data);
  }

  @Test
  void neitherTheCreatedArrayNorAReadArrayChangesTheObject() {
    byte[] data = randomBytes(100);
    ObjectName name = nameOf(ObjectKind.DATA, data);
    byte[] expected = data.clone();
    storage.create(name, data);

    data[0] ^= 1;
    storage.read(name)[1] ^= 1;
    storage.read(name, 0, 10)[2] ^= 1;

    assertThat(storage.read(name)).isEqualTo(expected);
  }

  @Test
  void concurrentCreatesOfDistinctNamesAllLand() throws Exception {
    List<ObjectInfo> created = new ArrayList<>();
    for (List<ObjectInfo> batch : inParallel(() -> {
      List<ObjectInfo> mine = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        mine.add(new ObjectInfo(createRandom(ObjectKind.DATA, 1000 + i), 1000 + i));
      }
      return mine;
    })) {
      created.addAll(batch);
    }

    assertThat(storage.list(ObjectKind.DATA)).containsExactlyInAnyOrderElementsOf(created);
  }

  @Test
  void concurrentCreatesOfOneNameLeaveOneWholeObject() throws Exception {
    byte[] data = randomBytes(MIB);
    ObjectName name = nameOf(ObjectKind.DATA, data);

    List<Boolean> won = inParallel(() -> {
      try {
        storage.create(name, data);
        return true;
      } catch (ObjectExistsException lost) {
        return false;
      }
    });

    assertThat(won).contains(true);
    assertThat(storage.read(name)).isEqualTo(data);
    assertThat(storage.list(ObjectKind.DATA)).containsExactly(new ObjectInfo(name, MIB));
  }

  @Test
  void listNeverShowsAPartlyWrittenObject() throws Exception {
    int size = 2 * MIB;
    try (ExecutorService writer = Executors.newSingleThreadExecutor()) {
      Future<?> done = writer.submit(() -> {
        for (int i = 0; i < 10; i++) {
          createRandom(ObjectKind.DATA, size);
        }
      });
      while (!done.isDone()) {
        assertThat(storage.list(ObjectKind.DATA)).allSatisfy(info -> assertThat(info.size()).isEqualTo(size));
      }
      done.get();
    }
    assertThat(storage.list(ObjectKind.DATA)).hasSize(10);
  }

  /** Runs {@code task} on {@value #THREADS} threads released at once; their results. */
  private static <T> List<T> inParallel(Callable<T> task) throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return task.call();
        }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    }
  }
}
