package org.kho.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's metadata read through fstatat(2) is what the JDK's attribute API reads. */
class StatTest {
  @TempDir
  Path dir;

  @Test
  void theNativeCallIsMadeOnLinuxX8664() {
    if (System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64")) {
      assertThat(NativeStat.get()).as("fstatat through FFM (glibc 2.33+, native access)").isNotNull();
    }
  }

  @Test
  void readsWhatTheJdkReadsForEveryKindOfEntry() throws Exception {
    Path file = Files.writeString(dir.resolve("báo cáo.txt"), "hello");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-21T05:00:00.123456789Z")));
    Path sub = Files.createDirectory(dir.resolve("sub"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), file);
    Path hard = Files.createLink(dir.resolve("hard"), file);
    Path fifo = dir.resolve("fifo");
    new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    for (Path p : new Path[] {file, sub, link, hard, fifo}) {
      assertThat(Stat.of(p)).as(p.toString()).isEqualTo(jdk(p, LinkOption.NOFOLLOW_LINKS));
      assertThat(Stat.of(p, new LinkOption[0])).as(p + " followed").isEqualTo(jdk(p));
    }
    Stat f = Stat.of(file);
    assertThat(f.mode()).isEqualTo(0640);
    assertThat(f.links()).isEqualTo(2);
    assertThat(f.size()).isEqualTo(5);
    assertThat(f.mtime()).isEqualTo(Instant.parse("2026-11-21T05:00:00.123456789Z"));
    assertThat(Stat.of(link).type()).isEqualTo(org.kho.repository.Node.Type.SYMLINK);
    assertThat(Stat.of(fifo).type()).isEqualTo(org.kho.repository.Node.Type.FIFO);
  }

  @Test
  void aMissingFileFailsAsTheJdkReportsIt() {
    assertThatThrownBy(() -> Stat.of(dir.resolve("gone"))).isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("gone");
    assertThat(NativeStat.get() == null || NativeStat.get().stat(dir.resolve("gone"), false) == null).isTrue();
  }

  /** The JDK's reading, with the names {@link Stat#of} adds. */
  private static Stat jdk(Path p, LinkOption... options) throws IOException {
    Stat raw = Stat.jdk(p, options);
    Stat named = Stat.of(p, options);
    return new Stat(raw.type(), raw.mode(), raw.uid(), raw.gid(), named.user(), named.group(), raw.mtime(), raw.ctime(),
        raw.inode(), raw.device(), raw.links(), raw.size());
  }
}
