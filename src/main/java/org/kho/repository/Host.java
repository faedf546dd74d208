package org.kho.repository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** This machine and process, as locks and snapshots record them. Replaceable in tests. */
public class Host {
  public String name() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException | RuntimeException e) {
      String env = System.getenv("HOSTNAME");
      return env == null || env.isBlank() ? "localhost" : env;
    }
  }

  public String user() {
    return System.getProperty("user.name", "unknown");
  }

  public long pid() {
    return ProcessHandle.current().pid();
  }

  /** Whether process {@code pid} still runs and is the one that started before {@code since}. */
  public boolean alive(long pid, Instant since) {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .map(p -> p.info().startInstant().map(start -> !start.isAfter(since.plusSeconds(1))).orElse(true))
        .orElse(false);
  }
}
