package org.kho.wipe;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.kho.core.KhoException;

/**
 * A register in a folder: one {@code ID.json} per certificate (the signed envelope, the same
 * format {@code kho evidence verify} reads), written to a temporary file, flushed and renamed
 * into place, never overwritten. Rendered copies ({@code ID.vi.pdf}, ...) and the journal of
 * interrupted wipes ({@code journal/}) sit beside them.
 */
public final class DirectoryRegister implements CertificateRegister {
  private final Path dir;

  public DirectoryRegister(Path dir) {
    this.dir = dir;
  }

  /** The folder. */
  public Path dir() {
    return dir;
  }

  /** The journal of interrupted wipes kept with this register. */
  public Journal journal() {
    return new Journal(dir.resolve("journal"));
  }

  /** Where the certificate numbered {@code id} is kept. */
  public Path file(String id) {
    return dir.resolve(id + ".json");
  }

  @Override
  public String add(SignedCertificate c) {
    String id = c.certificate().orElseThrow(() -> new IllegalArgumentException("not a wipe certificate")).id();
    Path target = file(id);
    try {
      Files.createDirectories(dir);
      if (Files.exists(target)) {
        throw new FileAlreadyExistsException(target.toString());
      }
      Path tmp = Files.createTempFile(dir, ".cert", ".tmp");
      byte[] bytes = c.json().getBytes(StandardCharsets.UTF_8);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(bytes));
        ch.force(true);
      }
      Files.move(tmp, target);
      return target.toString();
    } catch (IOException e) {
      throw new KhoException("cannot save wipe certificate " + id + " in " + dir + ": " + e.getMessage(),
          "check that the register folder is writable (--register DIR)");
    }
  }

  @Override
  public List<SignedCertificate> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<SignedCertificate> all = new ArrayList<>();
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
        read(f).ifPresent(all::add);
      }
      all.sort(Comparator.comparing(c -> c.certificate().map(WipeCertificate::finished).orElse(null),
          Comparator.nullsFirst(Comparator.naturalOrder())));
      return all;
    } catch (IOException e) {
      throw new KhoException("cannot list the register " + dir + ": " + e.getMessage(), "check the folder and its permissions");
    }
  }

  /** The signed certificate in {@code file}, if it holds one. */
  public static java.util.Optional<SignedCertificate> read(Path file) {
    try {
      return SignedCertificate.fromJson(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }
}
