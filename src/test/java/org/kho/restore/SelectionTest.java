package org.kho.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.backup.TestBackups;
import org.kho.repository.BlobId;
import org.kho.repository.Credential;
import org.kho.repository.Node;
import org.kho.repository.Repository;
import org.kho.repository.Tree;
import org.kho.repository.Trees;
import org.kho.storage.ForwardingStorage;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.local.LocalStorage;

/** A restore's selection reads the folder trees a level at a time, not one read per folder. */
class SelectionTest {
  @TempDir
  Path tmp;

  /** Counts the reads of packs. */
  private static final class PackReads extends ForwardingStorage {
    final AtomicInteger count = new AtomicInteger();

    PackReads(LocalStorage inner) {
      super(inner);
    }

    @Override
    protected <T> T call(Kind kind, ObjectName name, long bytes, Operation<T> op) {
      if (kind == Kind.READ && name.kind() == ObjectKind.DATA) {
        count.incrementAndGet();
      }
      return op.run();
    }
  }

  /** Three levels of three folders each (39 folders), a file in each of the deepest. */
  private static Path nested(Path dir) throws IOException {
    for (int a = 0; a < 3; a++) {
      for (int b = 0; b < 3; b++) {
        for (int c = 0; c < 3; c++) {
          Path leaf = Files.createDirectories(dir.resolve("a" + a + "/b" + b + "/c" + c));
          Files.writeString(leaf.resolve("f.txt"), "file " + a + b + c);
        }
      }
    }
    return dir;
  }

  private Selection collect(Path src, List<String> includes, PackReads[] reads) {
    return withRepository(src, reads, (repo, root) -> {
      Selection sel = new Selection(repo, includes, path -> true);
      sel.collect(root, tmp.resolve("restored"));
      return sel;
    });
  }

  /** Backs {@code src} up, then runs {@code action} on the repository opened again, counting its pack reads from then on. */
  private <T> T withRepository(Path src, PackReads[] reads, java.util.function.BiFunction<Repository, BlobId, T> action) {
    try (Repository repo = TestBackups.init(tmp.resolve("repo"))) {
      TestBackups.backup(repo, src);
    }
    reads[0] = new PackReads(LocalStorage.open(tmp.resolve("repo")));
    try (Repository repo = Repository.open(reads[0], Credential.passphrase(TestBackups.PASSWORD), PackRestoreTest.CHEAP)) {
      repo.loadIndex();
      BlobId root = BlobId.parse(repo.snapshot("latest").snapshot().tree());
      reads[0].count.set(0);
      return action.apply(repo, root);
    }
  }

  @Test
  void aBoundedReadAheadStopsAtTheLevelThatPassesTheBoundAndTheRestIsReadOnDemand() throws IOException {
    Path src = nested(tmp.resolve("src"));
    PackReads[] reads = new PackReads[1];

    int[] levelsRead = new int[2];
    withRepository(src, reads, (repo, root) -> {
      Trees ahead = repo.readTreesUnder(root, (path, id) -> true, src.getNameCount() + 4);
      levelsRead[0] = reads[0].count.get();
      Tree deepest = ahead.get(BlobId.parse(walkDown(ahead, repo, root, src, "a2", "b2", "c2").subtree()), repo);
      levelsRead[1] = reads[0].count.get();
      assertThat(deepest.nodes()).extracting(Node::name).containsExactly("f.txt");
      return null;
    });

    assertThat(levelsRead[0]).as("the trees down to src's (one entry each, then three), then the a's, which pass the bound")
        .isEqualTo(src.getNameCount() + 2);
    assertThat(levelsRead[1] - levelsRead[0]).as("the trees of b2 and c2, not read ahead, read one by one").isEqualTo(2);
  }

  /** The node of the folder {@code names} under src, its parents' trees read ahead (or read now). */
  private static Node walkDown(Trees ahead, Repository repo, BlobId root, Path src, String... names) {
    Tree t = ahead.get(root, repo);
    Node n = null;
    List<String> path = new java.util.ArrayList<>();
    src.forEach(p -> path.add(p.toString()));
    path.addAll(List.of(names));
    for (String name : path) {
      n = t.find(name);
      if (!name.equals(path.getLast())) {
        t = ahead.get(BlobId.parse(n.subtree()), repo);
      }
    }
    return n;
  }

  @Test
  void theTreesOfFortyFoldersAreReadInOneReadPerLevel() throws IOException {
    Path src = nested(tmp.resolve("src"));
    PackReads[] reads = new PackReads[1];

    Selection sel = collect(src, List.of(), reads);

    assertThat(sel.files).hasSize(27);
    assertThat(sel.unreadable).isEmpty();
    int depth = src.getNameCount() + 3; // the folders down to src, then a, b and c
    assertThat(sel.dirs).hasSize(src.getNameCount() + 39);
    assertThat(reads[0].count.get()).as("one read per level of folders, not one per folder").isEqualTo(depth + 1);
    assertThat(sel.files.getFirst().snapshotPath()).endsWith("/a0/b0/c0/f.txt");
    assertThat(sel.files.getLast().snapshotPath()).endsWith("/a2/b2/c2/f.txt");
    assertThat(sel.dirs.stream().map(Selection.Entry::snapshotPath).filter(p -> p.contains("/a1")).toList())
        .as("parents before children, in tree order").startsWith(src + "/a1", src + "/a1/b0", src + "/a1/b0/c0");
  }

  @Test
  void anIncludedPathReadsOnlyTheTreesOnTheWayToIt() throws IOException {
    Path src = nested(tmp.resolve("src"));
    PackReads[] reads = new PackReads[1];

    Selection sel = collect(src, List.of(src.resolve("a1/b2").toString()), reads);

    assertThat(sel.files).extracting(Selection.Entry::snapshotPath)
        .containsExactly(src + "/a1/b2/c0/f.txt", src + "/a1/b2/c1/f.txt", src + "/a1/b2/c2/f.txt");
    assertThat(reads[0].count.get()).isEqualTo(src.getNameCount() + 3 + 1);
  }
}
