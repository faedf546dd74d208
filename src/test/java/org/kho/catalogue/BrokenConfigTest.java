package org.kho.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus of broken configs in {@code src/test/resources/broken/}: each case must be refused
 * with a problem that names the file, line and column and says what is wrong in plain words.
 *
 * <p>A case is a folder {@code NN-short-name/} holding only what differs from the shipped
 * examples (the base: {@code deploy/catalogue.yaml} as {@code catalogue.yaml},
 * {@code schedules/*.yaml}, {@code restore-drills/*.yaml}; no {@code policy.yaml}, so the
 * built-in table applies unless the case brings one), plus these control files:
 *
 * <ul>
 *   <li>{@code expect} (required): lines {@code FILE:LINE:COLUMN: text}, FILE relative to the
 *       config directory; some problem must sit exactly there and contain the text in its
 *       {@code message — hint}. LINE and COLUMN 0 mean "the file as a whole".
 *   <li>{@code delete}: base files (relative paths) to remove.
 *   <li>{@code secret}: values that must appear in no problem.
 *   <li>{@code known-issue}: the reason the case does not pass yet. Such a case is reported as
 *       skipped while it fails, and fails once it passes, so the marker gets removed.
 * </ul>
 *
 * <p>Lines of {@code expect}, {@code delete} and {@code secret} that are blank or start with
 * {@code #} are ignored.
 */
class BrokenConfigTest {
  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path CASES = ROOT.resolve("src/test/resources/broken");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T05:00:00Z"), ZoneOffset.UTC);
  private static final Pattern EXPECTED = Pattern.compile("(.+?):(\\d+):(\\d+): (.+)");
  private static final Set<String> CONTROL_FILES = Set.of("expect", "delete", "secret", "known-issue");
  /** What must never reach a user: Java class names and stack-trace or parser-internal fragments. */
  private static final List<String> LEAKS = List.of("java.", "javax.", "com.fasterxml", "org.kho.", "org.yaml",
      "org.quartz", "Exception", "[Source:", "\tat ", "CoercionConfig");

  @TempDir
  Path temp;

  @TestFactory
  Stream<DynamicTest> brokenConfigIsRefusedWithAClearProblem() throws IOException {
    return cases().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), dir.toUri(), () -> run(dir)));
  }

  @Test
  void shippedExamplesLoadWithoutErrors() throws IOException {
    Path config = temp.resolve("base");
    copyBase(config);

    CatalogueLoader.Result result = new CatalogueLoader(CLOCK).load(config);

    assertThat(result.errors()).as(describe(result, config)).isEmpty();
    assertThat(result.catalogue()).isPresent();
  }

  @Test
  void inlineSecretValueIsNeverShown() throws IOException {
    Path config = prepare(CASES.resolve("24-inline-secret"));
    assertThat(Files.readString(config.resolve("catalogue.yaml"))).contains("repositoryPassword: \"hunter2\"");

    CatalogueLoader.Result result = new CatalogueLoader(CLOCK).load(config);

    assertThat(result.catalogue()).isEmpty();
    assertThat(result.problems()).anySatisfy(p -> assertThat(p.message()).contains("inline"));
    for (Problem p : result.problems()) {
      assertThat(p.toString()).doesNotContain("hunter2");
      assertThat(p.message() + p.hint()).doesNotContain("hunter2");
    }
  }

  @Test
  void corpusIsWellFormed() throws IOException {
    List<Path> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(35);
    for (Path dir : cases) {
      assertThat(dir.getFileName().toString()).as("case folder name").matches("\\d{2}-[a-z0-9-]+");
      List<String> expected = lines(dir.resolve("expect"));
      assertThat(expected).as(dir.getFileName() + "/expect").isNotEmpty()
          .allSatisfy(line -> assertThat(line).matches(EXPECTED));
      Optional<String> issue = knownIssue(dir);
      issue.ifPresent(reason -> assertThat(reason).as(dir.getFileName() + "/known-issue").isNotBlank());
    }
  }

  /** Runs one case, turning a failure of a case marked {@code known-issue} into a skip. */
  private void run(Path dir) throws IOException {
    Optional<String> issue = knownIssue(dir);
    if (issue.isEmpty()) {
      check(dir);
      return;
    }
    try {
      check(dir);
    } catch (AssertionError | RuntimeException e) {
      Assumptions.abort("known issue: " + issue.get() + "\n" + e.getMessage());
    }
    fail("this case passes now: delete " + ROOT.relativize(dir.resolve("known-issue")) + " (it said: " + issue.get() + ")");
  }

  private void check(Path dir) throws IOException {
    Path config = prepare(dir);
    CatalogueLoader.Result result;
    try {
      result = new CatalogueLoader(CLOCK).load(config);
    } catch (RuntimeException e) {
      throw new AssertionError("loading threw instead of reporting a problem: " + e, e);
    }
    String all = describe(result, config);

    assertThat(result.catalogue()).as("a catalogue was built; problems:\n" + all).isEmpty();
    assertThat(result.errors()).as("no error reported").isNotEmpty();
    for (String line : lines(dir.resolve("expect"))) {
      Matcher m = EXPECTED.matcher(line);
      assertThat(m.matches()).as("malformed expect line: " + line).isTrue();
      String file = m.group(1);
      int lineNr = Integer.parseInt(m.group(2));
      int column = Integer.parseInt(m.group(3));
      String text = m.group(4);
      boolean found = result.problems().stream().anyMatch(p -> relative(config, p.file()).equals(file)
          && p.line() == lineNr && shownColumn(p) == column && text(p).contains(text));
      if (!found) {
        fail("no problem matches the expected\n  " + line + "\nproblems:\n" + all);
      }
    }
    for (Problem p : result.problems()) {
      for (String leak : LEAKS) {
        assertThat(text(p)).as("a problem shows '" + leak + "':\n" + all).doesNotContain(leak);
      }
    }
    for (String secret : lines(dir.resolve("secret"))) {
      assertThat(all).as("a problem shows a secret value").doesNotContain(secret);
    }
  }

  /** A config directory in the temporary folder: the base with the case laid over it. */
  private Path prepare(Path dir) throws IOException {
    Path config = temp.resolve(dir.getFileName().toString());
    copyBase(config);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        Path rel = dir.relativize(file);
        if (rel.getNameCount() == 1 && CONTROL_FILES.contains(rel.toString())) {
          continue;
        }
        Path to = config.resolve(rel.toString());
        Files.createDirectories(to.getParent());
        Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    for (String rel : lines(dir.resolve("delete"))) {
      Path gone = config.resolve(rel);
      assertThat(gone).as("delete lists a file the base does not have").exists();
      Files.delete(gone);
    }
    return config;
  }

  /** The shipped examples, laid out as a config directory. */
  private static void copyBase(Path config) throws IOException {
    Files.createDirectories(config);
    Files.copy(ROOT.resolve("deploy/catalogue.yaml"), config.resolve("catalogue.yaml"));
    for (String folder : List.of("schedules", "restore-drills")) {
      Files.createDirectories(config.resolve(folder));
      try (DirectoryStream<Path> s = Files.newDirectoryStream(ROOT.resolve(folder), "*.yaml")) {
        for (Path file : s) {
          Files.copy(file, config.resolve(folder).resolve(file.getFileName().toString()));
        }
      }
    }
  }

  private static List<Path> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CASES)) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static Optional<String> knownIssue(Path dir) throws IOException {
    Path marker = dir.resolve("known-issue");
    if (!Files.exists(marker)) {
      return Optional.empty();
    }
    return Optional.of(Files.readString(marker, StandardCharsets.UTF_8).strip());
  }

  /** The meaningful lines of a control file; none when it does not exist. */
  private static List<String> lines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        lines.add(line.strip());
      }
    }
    return lines;
  }

  /** What the user reads after the location: {@code message — hint}. */
  private static String text(Problem p) {
    return p.hint().isEmpty() ? p.message() : p.message() + " — " + p.hint();
  }

  /** The column as {@link Problem#toString()} shows it. */
  private static int shownColumn(Problem p) {
    return p.line() > 0 ? Math.max(p.column(), 1) : p.column();
  }

  private static String relative(Path config, Path file) {
    String rel = file.startsWith(config) ? config.relativize(file).toString() : file.toString();
    return rel.replace(File.separatorChar, '/');
  }

  private static String describe(CatalogueLoader.Result result, Path config) {
    return result.problems().stream()
        .map(p -> "  " + relative(config, p.file()) + ":" + p.line() + ":" + shownColumn(p) + ": "
            + (p.severity() == Problem.Severity.WARNING ? "warning: " : "") + text(p))
        .collect(Collectors.joining("\n"));
  }
}
