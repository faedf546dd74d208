package org.kho.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.backup.TestBackups;
import org.kho.core.UsageException;
import org.kho.repository.Node;
import org.kho.repository.Repository;
import org.kho.repository.SnapshotRef;
import org.kho.restore.SnapshotBrowser.Change;
import org.kho.restore.SnapshotBrowser.Change.Kind;
import org.kho.restore.SnapshotBrowser.Entry;

class SnapshotBrowserTest {
  private static final Instant MTIME = Instant.parse("2020-01-02T03:04:05Z");

  @TempDir(factory = org.kho.testing.ProjectTempDirs.class)
  Path tmp;
  Path src;
  String at;
  Repository repo;
  SnapshotBrowser browser;

  @BeforeEach
  void setUp() throws IOException {
    src = TestBackups.smallSource(tmp.resolve("src"));
    Files.createDirectories(src.resolve("docs/deep/er"));
    Files.writeString(src.resolve("docs/deep/er/a.txt"), "deep");
    Files.setLastModifiedTime(src.resolve("docs/note.txt"), FileTime.from(MTIME));
    Files.createSymbolicLink(src.resolve("link"), Path.of("docs/note.txt"));
    at = src.toAbsolutePath().toString();
    repo = TestBackups.init(tmp.resolve("repo"));
    browser = new SnapshotBrowser(repo);
  }

  private SnapshotRef backup() {
    SnapshotRef s = TestBackups.backup(repo, src);
    repo.loadIndex();
    return s;
  }

  @Test
  void listingAFolderGivesItsEntriesWithTheirMetadata() {
    List<Entry> entries = browser.list(backup(), at, false);
    assertThat(entries).extracting(Entry::path).containsExactly(at + "/docs", at + "/link", at + "/secret.txt");
    Entry secret = entries.get(2);
    assertThat(secret.type()).isEqualTo(Node.Type.FILE);
    assertThat(secret.mode()).isEqualTo(0600);
    assertThat(secret.size()).isEqualTo(10);
    assertThat(secret.user()).isEqualTo(System.getProperty("user.name"));
    assertThat(secret.group()).isNotBlank();
    assertThat(entries.get(1).linkTarget()).isEqualTo("docs/note.txt");
    assertThat(entries.get(0).type()).isEqualTo(Node.Type.DIR);
  }

  @Test
  void aRecursiveListingPutsParentsBeforeChildren() {
    List<String> paths = browser.list(backup(), at + "/docs/", true).stream().map(Entry::path).toList();
    assertThat(paths).containsExactly(at + "/docs/deep", at + "/docs/deep/er", at + "/docs/deep/er/a.txt",
        at + "/docs/note.txt");
  }

  @Test
  void theWholeSnapshotStartsAtTheTopFolder() {
    List<Entry> all = browser.list(backup(), "", true);
    assertThat(all.getFirst().path()).isEqualTo("/" + Path.of(at).getName(0));
    assertThat(all).extracting(Entry::path).contains(at + "/docs/note.txt");
    assertThat(all).filteredOn(e -> e.path().endsWith("/note.txt")).extracting(Entry::mtime).containsExactly(MTIME);
  }

  @Test
  void listingAFileGivesThatFile() {
    assertThat(browser.list(backup(), at + "/secret.txt", true)).extracting(Entry::path).containsExactly(at + "/secret.txt");
  }

  @Test
  void aPathTheSnapshotLacksIsAUsageError() {
    SnapshotRef s = backup();
    assertThatThrownBy(() -> browser.list(s, at + "/nope", false))
        .isInstanceOf(UsageException.class).hasMessageContaining("has no " + at + "/nope");
    assertThatThrownBy(() -> browser.list(s, at + "/secret.txt/below", false)).isInstanceOf(UsageException.class);
  }

  @Test
  void diffFindsAddedRemovedModifiedAndChangedMetadata() throws IOException {
    SnapshotRef before = backup();
    Files.writeString(src.resolve("docs/added.txt"), "new");
    Files.createDirectories(src.resolve("docs/newdir"));
    Files.writeString(src.resolve("docs/newdir/inner.txt"), "inner");
    Files.delete(src.resolve("docs/deep/er/a.txt"));
    Files.writeString(src.resolve("secret.txt"), "a longer secret");
    Files.setPosixFilePermissions(src.resolve("docs/note.txt"), PosixFilePermissions.fromString("rw-r-----"));
    Files.setLastModifiedTime(src.resolve("docs/note.txt"), FileTime.from(MTIME));
    SnapshotRef after = backup();

    List<Change> changes = browser.diff(before, after);
    assertThat(changes).extracting(Change::kind, Change::path).contains(
        tuple(Kind.ADDED, at + "/docs/added.txt"),
        tuple(Kind.ADDED, at + "/docs/newdir"),
        tuple(Kind.ADDED, at + "/docs/newdir/inner.txt"),
        tuple(Kind.REMOVED, at + "/docs/deep/er/a.txt"),
        tuple(Kind.MODIFIED, at + "/secret.txt"),
        tuple(Kind.METADATA, at + "/docs/note.txt"));
    assertThat(changes).filteredOn(c -> c.path().equals(at + "/docs/note.txt")).extracting(Change::what)
        .containsExactly(List.of("mode"));
    assertThat(changes).extracting(Change::path).doesNotContain(at + "/link");
    assertThat(changes).filteredOn(c -> c.kind() != Kind.METADATA || c.type() != Node.Type.DIR)
        .as("beyond the folders whose times changed, only what was touched").hasSize(6);
  }

  @Test
  void identicalSnapshotsHaveNoDifference() {
    SnapshotRef first = backup();
    SnapshotRef second = backup();
    assertThat(browser.diff(first, second)).isEmpty();
  }

  @Test
  void aFolderReplacedByAFileIsRemovedThenAdded() throws IOException {
    SnapshotRef before = backup();
    Files.delete(src.resolve("docs/deep/er/a.txt"));
    Files.delete(src.resolve("docs/deep/er"));
    Files.delete(src.resolve("docs/deep"));
    Files.writeString(src.resolve("docs/deep"), "now a file");
    List<Change> changes = browser.diff(before, backup());
    assertThat(changes).extracting(Change::kind, Change::path).containsSubsequence(
        tuple(Kind.REMOVED, at + "/docs/deep"), tuple(Kind.REMOVED, at + "/docs/deep/er"),
        tuple(Kind.REMOVED, at + "/docs/deep/er/a.txt"), tuple(Kind.ADDED, at + "/docs/deep"));
  }
}
