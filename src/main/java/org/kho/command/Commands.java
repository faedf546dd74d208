package org.kho.command;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

/**
 * Runs {@link ExternalCommand}s. Every command gets the environment Kho was given minus its own
 * {@code KHO_*} variables (which may hold the repository password), plus the command's variables;
 * stdin is empty unless Kho feeds it. Thread-safe.
 */
public final class Commands {
  private final Map<String, String> environment;

  /** Runs commands with {@code environment} (normally Kho's own) as their base environment. */
  public Commands(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /**
   * Runs {@code command} to its end (stdout and stderr kept together for the message); throws
   * {@link CommandFailedException} unless it exits with status 0 within its time limit.
   */
  public void run(ExternalCommand command) {
    ProcessBuilder pb = builder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Running.start(pb, command).finish();
  }

  /**
   * How a command run by {@link #capture} ended.
   *
   * @param exit its exit status; -1 when it could not start
   * @param failure how it failed (exit status, signal, time limit), empty when it succeeded
   * @param output the tail of its stdout and stderr together (about 4 KiB), secrets blanked
   */
  public record Captured(int exit, Optional<String> failure, String output) {
    public boolean succeeded() {
      return failure.isEmpty();
    }
  }

  /**
   * Runs {@code command} to its end and keeps the tail of what it printed, whether it succeeds or
   * not; never throws for the command's own failure (nor for one that cannot start).
   */
  public Captured capture(ExternalCommand command) {
    ProcessBuilder pb = builder(command).redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Running running;
    try {
      running = Running.start(pb, command);
    } catch (CommandFailedException e) {
      return new Captured(-1, Optional.of(e.getMessage()), "");
    }
    Optional<String> failure = Optional.empty();
    try {
      running.finish();
    } catch (CommandFailedException e) {
      failure = Optional.of(e.getMessage());
    }
    return new Captured(running.process().exitValue(), failure, running.output());
  }

  /**
   * Starts {@code command} and returns its standard output. Reading to the end waits for the
   * command and checks how it ended: a failure (exit status, signal, time limit) is thrown as
   * {@link CommandFailedException} by the read that would have returned end-of-stream, so a reader
   * never mistakes a broken output for a whole one. Closing the stream earlier stops the command.
   */
  public InputStream output(ExternalCommand command) {
    ProcessBuilder pb = builder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    return new Output(Running.start(pb, command));
  }

  /**
   * Starts {@code command} and returns its standard input. Closing the stream ends the input, waits
   * for the command and throws {@link CommandFailedException} unless it exited with status 0; a
   * write after the command has gone fails the same way. Its stdout joins its stderr in the message.
   */
  public Input input(ExternalCommand command) {
    return new Input(Running.start(builder(command).redirectErrorStream(true), command));
  }

  private ProcessBuilder builder(ExternalCommand command) {
    ProcessBuilder pb = new ProcessBuilder(command.argv());
    Map<String, String> env = pb.environment();
    env.clear();
    environment.forEach((k, v) -> {
      if (!k.startsWith("KHO_")) {
        env.put(k, v);
      }
    });
    env.putAll(command.env());
    return pb;
  }

  /** A command's stdout whose end is only reported once the command is known to have succeeded. */
  private static final class Output extends InputStream {
    private final Running running;
    private final InputStream in;
    private boolean done;

    Output(Running running) {
      this.running = running;
      this.in = running.process().getInputStream();
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = in.read(b, off, len);
      if (n < 0 && !done) {
        done = true;
        running.finish();
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      if (!done) {
        done = true;
        running.stop();
      }
      in.close();
    }
  }

  /**
   * A command's stdin; closing it waits for the command and checks how it ended. A writer that
   * fails part way calls {@link #abort()} instead, so the command is stopped rather than handed a
   * truncated input as if it were whole.
   */
  public static final class Input extends OutputStream {
    private final Running running;
    private final OutputStream out;
    private boolean closed;

    Input(Running running) {
      this.running = running;
      this.out = running.process().getOutputStream();
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        closed = true;
        running.finish(); // the command went away: say how it ended
        throw e;
      }
    }

    /** Stops the command without ending its input: what it was given so far is not whole. */
    public void abort() {
      if (!closed) {
        closed = true;
        running.stop();
      }
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.close();
      } catch (IOException e) {
        // a command that exits without reading all of its input: its exit status says whether that was fine
      }
      running.finish();
    }
  }
}
