package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The build step that rewrites picocli's Java 5 classes as Java 8 ones for the AOT cache
 * ({@code src/build/java/UpgradeClassFiles.java}): the rewritten jar holds the same entries, its
 * classes pass the JVM's verifier, and Kho's command line built on it behaves exactly as on the
 * original.
 */
class UpgradedPicocliTest {
  private static final Path TOOL = Path.of("src/build/java/UpgradeClassFiles.java");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T05:00:00Z"), ZoneOffset.UTC);

  @TempDir
  static Path dir;
  private static Method upgrade;
  private static Path original;

  @BeforeAll
  static void compileTheTool() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("tool"));
    int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), TOOL.toString());
    assertThat(status).as("javac of " + TOOL).isZero();
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    upgrade = loader.loadClass("UpgradeClassFiles").getMethod("upgrade", Path.class);
    original = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void everyJava5ClassBecomesAJava8ClassAndEveryOtherEntryIsKept() throws Exception {
    Map<String, byte[]> before = entries(original);
    long old = before.entrySet().stream().filter(e -> isClass(e.getKey()) && version(e.getValue()) < 50).count();
    assertThat(old).as("picocli %s still ships Java 5 classes", CommandLine.VERSION).isGreaterThan(100);

    Path jar = copy("picocli.jar");
    assertThat(upgrade(jar)).isEqualTo((int) old);

    Map<String, byte[]> after = entries(jar);
    assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
    after.forEach((name, bytes) -> {
      if (isClass(name) && version(before.get(name)) < 50) {
        assertThat(version(bytes)).as(name).isEqualTo(52);
      } else {
        assertThat(bytes).as(name).isEqualTo(before.get(name));
      }
    });
  }

  @Test
  void aJarWithNothingToUpgradeIsLeftByteForByte() throws Exception {
    Path jar = copy("twice.jar");
    upgrade(jar);
    byte[] once = Files.readAllBytes(jar);
    assertThat(upgrade(jar)).isZero();
    assertThat(Files.readAllBytes(jar)).isEqualTo(once);
  }

  @Test
  void aSignedJarIsRefusedAndLeftAsItWas() throws Exception {
    Path jar = dir.resolve("signed.jar");
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("META-INF/SIGNER.SF"));
      zip.write("Signature-Version: 1.0\n".getBytes());
      zip.putNextEntry(new ZipEntry("picocli/CommandLine.class"));
      zip.write(entries(original).get("picocli/CommandLine.class"));
    }
    byte[] before = Files.readAllBytes(jar);
    assertThatThrownBy(() -> upgrade(jar)).hasMessageContaining("signed");
    assertThat(Files.readAllBytes(jar)).isEqualTo(before);
  }

  @Test
  void everyUpgradedClassPassesTheVerifierAndKhosCommandLineReadsTheSameOnIt() throws Exception {
    Path jar = copy("verified.jar");
    upgrade(jar);
    try (URLClassLoader loader = withPicocli(jar)) {
      for (String name : entries(jar).keySet()) {
        if (isClass(name) && !name.startsWith("META-INF/")) {
          Class.forName(name.replace('/', '.').replace(".class", ""), true, loader); // links, so verifies
        }
      }
      Class<?> main = loader.loadClass(Main.class.getName());
      assertThat(main.getClassLoader()).isSameAs(loader);
      Method build = main.getDeclaredMethod("commandLine", Clock.class);
      build.setAccessible(true);
      Object upgraded = build.invoke(null, CLOCK);
      Class<?> ansi = loader.loadClass("picocli.CommandLine$Help$Ansi");
      List<String> expected = usages(Main.commandLine(CLOCK), CommandLine.Help.Ansi.OFF);
      assertThat(expected).hasSizeGreaterThan(40);
      assertThat(usages(upgraded, enumConstant(ansi, "OFF"))).containsExactlyElementsOf(expected);

      Method forArgs = main.getDeclaredMethod("commandLine", Clock.class, String[].class);
      forArgs.setAccessible(true);
      for (String[] args : List.of(new String[] {"snapshots", "--repo"}, new String[] {"chek"}, new String[] {"-V"})) {
        assertThat(run(forArgs.invoke(null, CLOCK, args), args)).as(String.join(" ", args))
            .isEqualTo(run(Main.commandLine(CLOCK, args), args));
      }
    }
  }

  private static int upgrade(Path jar) throws Exception {
    try {
      return (int) upgrade.invoke(null, jar);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception x ? x : e;
    }
  }

  private static Path copy(String name) throws IOException {
    return Files.copy(original, dir.resolve(name));
  }

  /** A loader for Kho's classes and libraries with {@code picocli} in place of the original picocli jar. */
  private static URLClassLoader withPicocli(Path picocli) throws IOException {
    List<URL> urls = new ArrayList<>();
    urls.add(picocli.toUri().toURL());
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (!Path.of(entry).equals(original)) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
  }

  /** The usage help of {@code cli} and of all its subcommands, depth first (picocli objects of any loader). */
  private static List<String> usages(Object cli, Object ansi) throws Exception {
    List<String> out = new ArrayList<>();
    out.add((String) call(cli, "getUsageMessage", ansi));
    for (Object sub : ((Map<?, ?>) call(cli, "getSubcommands")).values()) {
      out.addAll(usages(sub, ansi));
    }
    return out;
  }

  /** The exit code and the text that running {@code args} prints. */
  private static String run(Object cli, String[] args) throws Exception {
    StringWriter text = new StringWriter();
    PrintWriter writer = new PrintWriter(text);
    call(cli, "setOut", writer);
    call(cli, "setErr", writer);
    Object code = call(cli, "execute", (Object) args);
    writer.flush();
    return code + "\n" + text;
  }

  private static Object call(Object target, String name, Object... args) throws Exception {
    for (Method m : target.getClass().getMethods()) {
      if (m.getName().equals(name) && m.getParameterCount() == args.length
          && (args.length == 0 || m.getParameterTypes()[0].isInstance(args[0]))) {
        return m.invoke(target, args);
      }
    }
    throw new NoSuchMethodException(name + Arrays.toString(args));
  }

  private static Object enumConstant(Class<?> type, String name) {
    return Arrays.stream(type.getEnumConstants()).filter(c -> ((Enum<?>) c).name().equals(name)).findFirst().orElseThrow();
  }

  private static boolean isClass(String name) {
    return name.endsWith(".class");
  }

  private static int version(byte[] classFile) {
    return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
  }

  private static Map<String, byte[]> entries(Path jar) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(e)) {
          out.put(e.getName(), in.readAllBytes());
        }
      }
    }
    return out;
  }
}
