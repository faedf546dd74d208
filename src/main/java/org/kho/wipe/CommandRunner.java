package org.kho.wipe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a system tool (lsblk, findmnt, hdparm, nvme, blkdiscard) and returns what it printed.
 * Tests replace it to check the commands Kho would run on hardware this machine lacks.
 */
public interface CommandRunner {
  /** How a command ended: {@code exit} is -1 when it could not be started (not installed). */
  record Result(int exit, String out, String err) {
    public boolean ok() {
      return exit == 0;
    }
  }

  /** Runs {@code command} to its end; never throws for a failing command, only reports it. */
  Result run(List<String> command);

  /** Runs commands as processes with an empty standard input. */
  CommandRunner SYSTEM = command -> {
    try {
      Process p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
      CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
      String out = drain(p.getInputStream());
      return new Result(p.waitFor(), out, err.join());
    } catch (IOException e) {
      return new Result(-1, "", command.getFirst() + " could not be started: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "", command.getFirst() + " was interrupted");
    }
  };

  private static String drain(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
