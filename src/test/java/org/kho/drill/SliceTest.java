package org.kho.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SliceTest {
  private static final List<String> FILES = IntStream.range(0, 2_000).mapToObj(i -> "/srv/data/d" + (i % 17) + "/f" + i + ".txt")
      .toList();

  @Test
  void slicesOfOneCyclePartitionTheFiles() {
    long seed = 42;
    Map<String, Integer> timesSelected = new HashMap<>();
    for (int index = 0; index < 10; index++) {
      Slice slice = new Slice(seed, index, 10);
      FILES.stream().filter(slice::contains).forEach(f -> timesSelected.merge(f, 1, Integer::sum));
    }

    assertThat(timesSelected).hasSize(FILES.size());
    assertThat(timesSelected.values()).containsOnly(1);
  }

  @Test
  void eachSliceTakesRoughlyItsShare() {
    Slice slice = new Slice(7, 3, 10);

    long taken = FILES.stream().filter(slice::contains).count();

    assertThat(taken).isBetween(140L, 260L); // 10% of 2000, give or take what a hash does
  }

  @Test
  void theHashIsTheContractsSha256OfSeedAndPath() throws Exception {
    var sha = java.security.MessageDigest.getInstance("SHA-256");
    sha.update(new byte[] {0, 0, 0, 0, 0, 0, 0, 5});
    byte[] d = sha.digest("/a".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    long first8 = java.nio.ByteBuffer.wrap(d).getLong();

    assertThat(Slice.hash(5, "/a")).isEqualTo(first8);
    assertThat(new Slice(5, Math.floorMod(first8, 3), 3).contains("/a")).isTrue();
  }

  @Test
  void countIsTheCeilingOfAHundredOverThePercent() {
    assertThat(Slice.count(100)).isEqualTo(1);
    assertThat(Slice.count(10)).isEqualTo(10);
    assertThat(Slice.count(30)).isEqualTo(4);
    assertThat(Slice.count(1)).isEqualTo(100);
  }

  @Test
  void aWholeSampleTakesEveryFile() {
    Slice all = Slice.next(Optional.empty(), 100, new Random(1));

    assertThat(all.index()).isZero();
    assertThat(all.count()).isEqualTo(1);
    assertThat(FILES).allMatch(all::contains);
  }

  @Test
  void drillsWalkTheSlicesWithOneSeedThenDrawAFreshOne() {
    Random random = new Random(99);
    List<Slice> drills = new ArrayList<>();
    Optional<Slice> previous = Optional.empty();
    for (int i = 0; i < 9; i++) {
      Slice next = Slice.next(previous, 25, random);
      drills.add(next);
      previous = Optional.of(next);
    }

    assertThat(drills).extracting(Slice::index).containsExactly(0, 1, 2, 3, 0, 1, 2, 3, 0);
    assertThat(drills.subList(0, 4)).extracting(Slice::seed).containsOnly(drills.get(0).seed());
    assertThat(drills.subList(4, 8)).extracting(Slice::seed).containsOnly(drills.get(4).seed());
    assertThat(drills.get(4).seed()).isNotEqualTo(drills.get(0).seed());
    assertThat(drills.get(8).seed()).isNotEqualTo(drills.get(4).seed());
  }

  @Test
  void aChangedPercentStartsANewCycle() {
    Slice previous = new Slice(5, 1, 4);

    Slice next = Slice.next(Optional.of(previous), 10, new Random(3));

    assertThat(next.index()).isZero();
    assertThat(next.count()).isEqualTo(10);
  }

  @Test
  void alwaysIncludedPathsAndWhatIsUnderThemAreSelectedInEverySlice() {
    List<String> always = List.of("/srv/data/d3/", "/hr.dump");
    for (int index = 0; index < 10; index++) {
      Slice slice = new Slice(11, index, 10);

      assertThat(slice.selects("/srv/data/d3/f3.txt", always)).isTrue();
      assertThat(slice.selects("/hr.dump", always)).isTrue();
    }
    assertThat(IntStream.range(0, 10).filter(i -> new Slice(11, i, 10).selects("/srv/data/d30/x", always)).count())
        .as("a sibling whose name merely starts the same is sampled as usual").isEqualTo(1);
  }
}
