package org.kho;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the code to the package table of DESIGN §3: which project packages each package may
 * import, which package alone may use each confined library, and where time may be read.
 */
class ArchitectureTest {
  private static final Path MAIN = Path.of("src/main/java/org/kho");
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
  /** A fully qualified use of a project class in code, which an import scan alone would miss. */
  private static final Pattern QUALIFIED = Pattern.compile("\\b(org\\.kho\\.[a-z][\\w.]*\\.[A-Z]\\w*)");

  /** Project packages each package may import (besides itself and its own sub-packages). */
  private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
      Map.entry("core", Set.of()),
      Map.entry("catalogue", Set.of("core")),
      Map.entry("plan", Set.of("catalogue", "core")),
      Map.entry("storage", Set.of("core")),
      Map.entry("command", Set.of("core")),
      Map.entry("storage.local", Set.of("storage", "core")),
      Map.entry("storage.vfs", Set.of("storage", "crypto", "core")), // crypto: OpenSSL AES-GCM for JSch
      Map.entry("crypto", Set.of("core")),
      Map.entry("repository", Set.of("crypto", "storage", "core")),
      Map.entry("backup", Set.of("repository", "plan", "catalogue", "core")),
      Map.entry("restore", Set.of("repository", "plan", "catalogue", "core")),
      Map.entry("check", Set.of("repository", "plan", "catalogue", "core")),
      Map.entry("drill", Set.of("restore", "check", "backup", "repository", "plan", "catalogue", "core")),
      Map.entry("logarchive", Set.of("restore", "check", "backup", "repository", "plan", "catalogue", "core")),
      Map.entry("wipe", Set.of("crypto", "core")),
      Map.entry("evidence", Set.of("crypto", "repository", "backup", "restore", "check", "drill", "logarchive", "wipe", "core")),
      Map.entry("report", Set.of("evidence", "backup", "restore", "check", "drill", "logarchive", "wipe", "plan", "catalogue", "core")),
      Map.entry("state", Set.of("core")),
      Map.entry("app", Set.of("*")),
      Map.entry("daemon", Set.of("*")),
      Map.entry("cli", Set.of("*")));

  /** Libraries only one package (or one class) may import. */
  private static final Map<String, Set<String>> CONFINED = Map.ofEntries(
      Map.entry("picocli", Set.of("cli")),
      Map.entry("org.apache.commons.vfs2", Set.of("storage.vfs")),
      // the SSH and FTP libraries under VFS: only the remote targets may touch them
      Map.entry("com.jcraft.jsch", Set.of("storage.vfs")),
      Map.entry("org.apache.commons.net", Set.of("storage.vfs")),
      Map.entry("org.bouncycastle", Set.of("crypto")),
      Map.entry("ch.qos.logback", Set.of("cli", "daemon")),
      // Quartz schedules in daemon; CronRule alone uses its CronExpression so plan and daemon agree.
      Map.entry("org.quartz", Set.of("daemon", "catalogue.CronRule")),
      Map.entry("org.flywaydb", Set.of("state")),
      Map.entry("com.zaxxer.hikari", Set.of("state")),
      Map.entry("jakarta.mail", Set.of("app")),
      Map.entry("io.micrometer", Set.of("daemon")),
      Map.entry("sun.misc", Set.of("daemon")),
      // templates and PDF rendering: the reports alone
      Map.entry("io.pebbletemplates", Set.of("report")),
      Map.entry("com.openhtmltopdf", Set.of("report")));

  private static final Pattern WALL_CLOCK = Pattern.compile(
      "(Instant|LocalDate|LocalDateTime|ZonedDateTime|OffsetDateTime)\\.now\\(\\)|System\\.currentTimeMillis\\(\\)");

  record Source(String pkg, String className, String text) {}

  @Test
  void packagesImportOnlyWhatTheTableAllows() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Source s : sources()) {
      Set<String> allowed = MAY_USE.get(s.pkg());
      if (allowed == null) {
        violations.add(s.className() + ": package '" + s.pkg() + "' is not in the table of DESIGN §3; add it here and there");
        continue;
      }
      for (String imported : imports(s)) {
        if (!imported.startsWith("org.kho.")) {
          continue;
        }
        String target = packageOf(imported.substring("org.kho.".length()));
        boolean own = target.equals(s.pkg()) || target.startsWith(s.pkg() + ".");
        if (!own && !allowed.contains("*") && !allowed.contains(target)) {
          violations.add(s.className() + " imports " + imported + " but " + s.pkg() + " may use only " + allowed);
        }
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void confinedLibrariesStayInTheirPackage() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Source s : sources()) {
      for (String imported : imports(s)) {
        CONFINED.forEach((library, owners) -> {
          if (imported.startsWith(library + ".")
              && !owners.contains(s.pkg()) && !owners.contains(s.pkg() + "." + simpleName(s.className()))) {
            violations.add(s.className() + " imports " + imported + ", which only " + owners + " may use");
          }
        });
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void onlyTheCompositionRootReadsTheWallClock() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Source s : sources()) {
      if (!Set.of("app", "cli", "daemon").contains(s.pkg()) && WALL_CLOCK.matcher(s.text()).find()) {
        violations.add(s.className() + " reads the wall clock; take a java.time.Clock instead");
      }
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyPackageHasAPackageInfo() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String pkg : sources().stream().map(Source::pkg).distinct().toList()) {
      if (!Files.exists(MAIN.resolve(pkg.replace('.', '/')).resolve("package-info.java"))) {
        missing.add(pkg);
      }
    }
    assertThat(missing).isEmpty();
  }

  private static List<Source> sources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      List<Source> result = new ArrayList<>();
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String rel = MAIN.relativize(f.getParent()).toString().replace('/', '.');
        String name = f.getFileName().toString().replace(".java", "");
        result.add(new Source(rel, "org.kho." + rel + "." + name, Files.readString(f)));
      }
      assertThat(result).as("sources under " + MAIN.toAbsolutePath()).isNotEmpty();
      return result;
    }
  }

  private static List<String> imports(Source s) {
    List<String> found = new ArrayList<>();
    Matcher m = IMPORT.matcher(s.text());
    while (m.find()) {
      found.add(m.group(1));
    }
    Matcher q = QUALIFIED.matcher(s.text().replaceFirst("(?m)^package .*$", ""));
    while (q.find()) {
      found.add(q.group(1));
    }
    return found;
  }

  /** The package of a class name relative to org.kho: everything before the first capitalised part. */
  private static String packageOf(String relative) {
    List<String> parts = new ArrayList<>();
    for (String part : relative.split("\\.")) {
      if (Character.isUpperCase(part.charAt(0))) {
        break;
      }
      parts.add(part);
    }
    return String.join(".", parts);
  }

  private static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
