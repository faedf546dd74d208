package org.kho.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathFilterTest {
  private static final Path ROOT = Path.of("/data/src");

  @Test
  void aPatternWithoutSlashMatchesANameAtAnyDepthAndOneWithASlashThePathUnderTheSource() {
    PathFilter f = filter(List.of("*.tmp", "cache/**", "/build"), List.of());
    assertThat(f.excluded(ROOT, ROOT.resolve("a.tmp"))).isTrue();
    assertThat(f.excluded(ROOT, ROOT.resolve("deep/down/b.tmp"))).isTrue();
    assertThat(f.excluded(ROOT, ROOT.resolve("cache/x/y"))).isTrue();
    assertThat(f.excluded(ROOT, ROOT.resolve("build"))).isTrue();
    assertThat(f.excluded(ROOT, ROOT.resolve("sub/cache/x"))).as("cache/** is anchored at the source").isFalse();
    assertThat(f.excluded(ROOT, ROOT.resolve("sub/build"))).as("/build is anchored at the source").isFalse();
    assertThat(f.excluded(ROOT, ROOT.resolve("a.tmp.keep"))).isFalse();
  }

  @Test
  void withoutRulesNothingIsExcludedAndEveryFileTaken() {
    PathFilter f = filter(List.of(), List.of());
    assertThat(f.excluded(ROOT, ROOT.resolve("x/y"))).isFalse();
    assertThat(f.selectedFile(ROOT, ROOT.resolve("x/y"))).isTrue();
  }

  @Test
  void includesSelectFilesByNameOrByPath() {
    PathFilter f = filter(List.of(), List.of("*.sql", "etc/*.conf"));
    assertThat(f.selectedFile(ROOT, ROOT.resolve("db/dump.sql"))).isTrue();
    assertThat(f.selectedFile(ROOT, ROOT.resolve("etc/app.conf"))).isTrue();
    assertThat(f.selectedFile(ROOT, ROOT.resolve("etc/deeper/app.conf"))).isFalse();
    assertThat(f.selectedFile(ROOT, ROOT.resolve("notes.txt"))).isFalse();
  }

  private static PathFilter filter(List<String> excludes, List<String> includes) {
    return new PathFilter(FileSystems.getDefault(), excludes, includes);
  }
}
