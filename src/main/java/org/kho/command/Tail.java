package org.kho.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * The last bytes a stream produced (a command's stderr), read to its end on a thread of its own so
 * the command never blocks on a full pipe. Keeps at most {@link #LIMIT} bytes.
 */
final class Tail {
  static final int LIMIT = 4096;
  private final byte[] ring = new byte[LIMIT];
  private long total;
  private final Thread reader;

  private Tail(InputStream in, String name) {
    reader = Thread.ofPlatform().daemon().name("kho-stderr-" + name).start(() -> drain(in));
  }

  /** Starts reading {@code in} to its end. */
  static Tail of(InputStream in, String name) {
    return new Tail(in, name);
  }

  private void drain(InputStream in) {
    byte[] buf = new byte[1024];
    try (in) {
      for (int n; (n = in.read(buf)) >= 0; ) {
        synchronized (this) {
          for (int i = 0; i < n; i++) {
            ring[(int) (total++ % LIMIT)] = buf[i];
          }
        }
      }
    } catch (IOException e) {
      // the command's stderr closed under us: what was read so far is the tail
    }
  }

  /**
   * The last lines read, at most about {@link #LIMIT} bytes, with every occurrence of a value in
   * {@code secrets} replaced by {@code ***}; waits briefly for the reader to reach the end.
   */
  String text(Collection<String> secrets) {
    try {
      reader.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String text;
    synchronized (this) {
      int n = (int) Math.min(total, LIMIT);
      byte[] out = new byte[n];
      for (int i = 0; i < n; i++) {
        out[i] = ring[(int) ((total - n + i) % LIMIT)];
      }
      text = new String(out, StandardCharsets.UTF_8);
      if (total > LIMIT) {
        int newline = text.indexOf('\n');
        text = "…" + (newline >= 0 ? text.substring(newline) : text);
      }
    }
    for (String s : secrets) {
      if (!s.isEmpty()) {
        text = text.replace(s, "***");
      }
    }
    return text.strip();
  }
}
