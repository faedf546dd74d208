package org.kho.command;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One started command: a watchdog stops it at its time limit (SIGTERM to it and its children, then
 * SIGKILL {@link #GRACE} later), and {@link #finish()} turns how it ended into success or a
 * {@link CommandFailedException} with the tail of its stderr.
 */
final class Running {
  static final Duration GRACE = Duration.ofSeconds(10);
  private final ExternalCommand command;
  private final Process process;
  private final Tail stderr;
  private volatile boolean timedOut;
  private volatile boolean stopped;

  private Running(ExternalCommand command, Process process, Tail stderr) {
    this.command = command;
    this.process = process;
    this.stderr = stderr;
  }

  /** Starts {@code pb} (already set up for {@code command}); its stderr goes to a tail. */
  static Running start(ProcessBuilder pb, ExternalCommand command) {
    Process process;
    try {
      process = pb.start();
    } catch (IOException e) {
      throw new CommandFailedException("cannot start " + describe(command) + ": " + e.getMessage(),
          "check the program's name and that it is installed (give its full path if it is not on PATH)");
    }
    Running r = new Running(command, process, Tail.of(pb.redirectErrorStream() ? process.getInputStream()
        : process.getErrorStream(), command.argv().getFirst()));
    CompletableFuture.delayedExecutor(command.timeout().toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
      if (process.isAlive()) {
        r.timedOut = true;
        r.kill();
      }
    });
    return r;
  }

  Process process() {
    return process;
  }

  /** The tail of what was read from the command (its stderr, or all its output), secrets blanked. */
  String output() {
    return stderr.text(command.secret().stream().map(command.env()::get).toList());
  }

  /**
   * Waits for the command to end; returns if it exited with status 0, else throws what happened,
   * with the tail of its stderr. A command Kho stopped on purpose ({@link #stop()}) counts as failed.
   */
  void finish() {
    int status;
    try {
      status = process.waitFor();
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
      throw new CommandFailedException(describe(command) + " was stopped: Kho was interrupted", "run it again");
    }
    if (status == 0 && !timedOut && !stopped) {
      return;
    }
    String how = timedOut ? "was stopped after its time limit of " + human(command.timeout())
        : stopped ? "was stopped by Kho"
        : status > 128 ? "was killed by signal " + (status - 128) : "failed with exit status " + status;
    String tail = stderr.text(command.secret().stream().map(command.env()::get).toList());
    throw new CommandFailedException(describe(command) + " " + how
        + (tail.isEmpty() ? " (it wrote nothing to stderr)" : "; the end of its stderr:\n" + indent(tail)),
        timedOut ? "raise its timeout, or find out why it is slow" : "run the command by hand to see what is wrong");
  }

  /**
   * Stops the command (Kho no longer wants its output, or its input is not whole) and waits until
   * it has gone; not reported as a failure.
   */
  void stop() {
    stopped = true;
    kill();
    try {
      process.waitFor(GRACE.toSeconds() + 5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void kill() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    CompletableFuture.delayedExecutor(GRACE.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    });
  }

  /** "the command 'LINE'" when its name is its command line, else "'NAME' (WORDS)". */
  private static String describe(ExternalCommand c) {
    boolean nameIsTheLine = c.name().equals(c.display()) || c.name().startsWith(c.argv().getFirst());
    return nameIsTheLine ? "the command '" + c.name() + "'" : "'" + c.name() + "' (" + c.display() + ")";
  }

  private static String indent(String text) {
    return "    " + text.replace("\n", "\n    ");
  }

  static String human(Duration d) {
    return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
  }
}
