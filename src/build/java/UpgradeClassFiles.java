import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.constant.ClassDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a jar's Java 5 classes (class file version 49 and older) as Java 8 classes (version 52)
 * with stack map tables, the same code otherwise; run at build time on picocli's jar in
 * {@code target/lib}.
 *
 * <p>Why: the JVM's AOT cache (the {@code kho.aot} that {@code bin/kho-java} uses) leaves out
 * classes older than version 50, since only the old type-inferring verifier can check them. picocli
 * ships as Java 5 classes, so every kho run parsed, verified (the slow way) and interpreted them
 * without the cache's profiles: about 0.1 s of every command's start (bench/README.md, "Start-up
 * cost"). Rewritten, they are cached like the rest.
 *
 * <p>Usage: {@code java src/build/java/UpgradeClassFiles.java JAR}. Rewrites JAR in place (through a
 * temporary file and a rename) when it has such classes; leaves it untouched, byte for byte, when
 * it has none, so running it again changes nothing. Refuses signed jars (the signature would no
 * longer match). Exit status 0 on success, 1 with a message on failure.
 */
public final class UpgradeClassFiles {
  private static final int OLDEST_CACHED = ClassFile.JAVA_6_VERSION;

  private UpgradeClassFiles() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: java UpgradeClassFiles.java JAR");
      System.exit(1);
    }
    Path jar = Path.of(args[0]);
    try {
      int upgraded = upgrade(jar);
      System.out.println(jar.getFileName() + ": " + (upgraded == 0 ? "no class older than Java 6"
          : upgraded + " classes rewritten as Java 8 classes"));
    } catch (IOException | RuntimeException e) {
      System.err.println("could not upgrade the classes of " + jar + ": " + e);
      System.exit(1);
    }
  }

  /** Upgrades {@code jar} in place; returns how many classes it rewrote (0: the file is untouched). */
  public static int upgrade(Path jar) throws IOException {
    Map<String, Entry> entries = read(jar);
    if (entries.keySet().stream().anyMatch(UpgradeClassFiles::isSignature)) {
      throw new IllegalArgumentException("the jar is signed; rewriting its classes would break the signature");
    }
    ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
        ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(
            (ClassDesc c) -> stream(entries, c)))));
    int upgraded = 0;
    for (Map.Entry<String, Entry> e : entries.entrySet()) {
      if (e.getKey().endsWith(".class") && !e.getKey().startsWith("META-INF/")) {
        ClassModel model = classFile.parse(e.getValue().bytes());
        if (model.majorVersion() < OLDEST_CACHED) {
          e.setValue(new Entry(e.getValue().zip(), classFile.transformClass(model, java8())));
          upgraded++;
        }
      }
    }
    if (upgraded > 0) {
      write(jar, entries);
    }
    return upgraded;
  }

  /** Re-emits every method body (the class file writer then computes the stack maps) and sets version 52. */
  private static ClassTransform java8() {
    ClassTransform versioned = (builder, element) -> {
      if (element instanceof ClassFileVersion) {
        builder.withVersion(ClassFile.JAVA_8_VERSION, 0);
      } else {
        builder.with(element);
      }
    };
    return ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL).andThen(versioned);
  }

  private static boolean isSignature(String name) {
    return name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");
  }

  /** The class file of {@code c} from the jar itself, for the stack maps' type merges; null if not there. */
  private static InputStream stream(Map<String, Entry> entries, ClassDesc c) {
    String d = c.descriptorString();
    Entry e = entries.get(d.substring(1, d.length() - 1) + ".class");
    return e == null ? null : new ByteArrayInputStream(e.bytes());
  }

  private static Map<String, Entry> read(Path jar) throws IOException {
    Map<String, Entry> out = new LinkedHashMap<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry z : java.util.Collections.list(zip.entries())) {
        try (InputStream in = zip.getInputStream(z)) {
          out.put(z.getName(), new Entry(z, in.readAllBytes()));
        }
      }
    }
    return out;
  }

  /** Writes the entries in their order, with their names, times and comments, then renames over {@code jar}. */
  private static void write(Path jar, Map<String, Entry> entries) throws IOException {
    Path tmp = jar.resolveSibling(jar.getFileName() + ".upgrading");
    try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(file)) {
      for (Entry e : entries.values()) {
        ZipEntry z = new ZipEntry(e.name());
        z.setTime(e.zip().getTime());
        z.setComment(e.zip().getComment());
        zip.putNextEntry(z);
        zip.write(e.bytes());
        zip.closeEntry();
      }
    }
    Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** One jar entry and its (possibly rewritten) bytes. */
  private record Entry(ZipEntry zip, byte[] bytes) {
    String name() {
      return zip.getName();
    }
  }
}
