package org.kho.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.repository.Node;

/** The C library's calls and the JDK's put back the same metadata. */
class MetadataTest {
  private static final boolean ROOT = "root".equals(System.getProperty("user.name"));
  @TempDir
  Path tmp;

  @Test
  void nativeCallsSetWhatTheJdkSetsOnFilesFoldersAndLinks() throws IOException {
    assumeTrue(NativeMetadata.get() != null, "lchown, chmod and utimensat through FFM (Linux x86-64)");
    Instant nanos = Instant.parse("2021-03-04T05:06:07.123456789Z");
    Instant later = Instant.parse("2024-12-31T23:59:59.5Z");
    for (boolean viaNative : new boolean[] {true, false}) {
      Path d = Files.createDirectories(tmp.resolve(viaNative ? "native" : "jdk"));
      Path file = Files.writeString(d.resolve("file ü.txt"), "x");
      Path folder = Files.createDirectory(d.resolve("folder"));
      Path target = Files.writeString(d.resolve("target"), "t");
      FileTime targetTime = Files.getLastModifiedTime(target);
      Path link = Files.createSymbolicLink(d.resolve("link"), target.getFileName());
      Metadata.apply(file, node(Node.Type.FILE, 0100640 | 02000, nanos), viaNative);
      Metadata.apply(folder, node(Node.Type.DIR, 040750, later), viaNative);
      Metadata.apply(link, node(Node.Type.SYMLINK, 0120777, nanos), viaNative);

      assertThat(attributes(file)).as("file, native %s", viaNative)
          .containsEntry("mode", 0100640 | 02000).containsEntry("lastModifiedTime", FileTime.from(nanos));
      assertThat(attributes(folder)).as("folder, native %s", viaNative)
          .containsEntry("mode", 040750).containsEntry("lastModifiedTime", FileTime.from(later));
      assertThat(Files.getLastModifiedTime(link, LinkOption.NOFOLLOW_LINKS)).isEqualTo(FileTime.from(nanos));
      assertThat(Files.getLastModifiedTime(target)).as("the link's target is left alone").isEqualTo(targetTime);
      if (ROOT) {
        for (Path p : List.of(file, folder, link)) {
          assertThat(attributes(p)).as("%s, native %s", p.getFileName(), viaNative)
              .containsEntry("uid", 1234).containsEntry("gid", 5678);
        }
        assertThat(attributes(target)).containsEntry("uid", 0);
      }
    }
  }

  @Test
  void aTimeBefore1970ComesBackAsItWas() throws IOException {
    assumeTrue(NativeMetadata.get() != null, "lchown, chmod and utimensat through FFM (Linux x86-64)");
    // JDK 25's setTimes sets 1970-01-01 for a time before 1970 with a fraction of a second: such
    // files came back ten years late before restore called utimensat itself
    Instant before1970 = Instant.parse("1960-01-01T00:00:00.500Z");
    Path file = Files.writeString(tmp.resolve("old"), "x");
    Metadata.apply(file, node(Node.Type.FILE, 0100644, before1970));
    assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(before1970);
  }

  @Test
  void aMissingEntryFailsWithTheJdksMessageNamingIt() {
    Path gone = tmp.resolve("gone");
    assertThatThrownBy(() -> Metadata.apply(gone, node(Node.Type.FILE, 0100644, Instant.EPOCH)))
        .isInstanceOf(NoSuchFileException.class).hasMessageContaining(gone.toString());
  }

  @Test
  void aLinkWhoseTimesCannotBeSetStillGetsItsOwner() throws IOException {
    Path link = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("nowhere"));
    Metadata.apply(link, node(Node.Type.SYMLINK, 0120777, Instant.parse("2020-01-01T00:00:00Z")));
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.exists(tmp.resolve("nowhere"))).as("nothing made at the link's target").isFalse();
    if (ROOT) {
      assertThat(attributes(link)).containsEntry("uid", 1234).containsEntry("gid", 5678);
    }
  }

  private static Map<String, Object> attributes(Path p) throws IOException {
    return Files.readAttributes(p, "unix:mode,uid,gid,lastModifiedTime", LinkOption.NOFOLLOW_LINKS);
  }

  private static Node node(Node.Type type, int mode, Instant mtime) {
    return new Node("x", type, mode, 1234, 5678, "u", "g", mtime, mtime, 1, 1, 1, 0, List.of(), null,
        type == Node.Type.SYMLINK ? "target" : null);
  }
}
