package org.kho.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Function;
import org.kho.core.KhoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's control socket: a Unix-domain socket in the state directory, readable by the Kho
 * user only, taking one command per connection ({@code reload}) and answering one line:
 * {@code ok ...} or {@code error ...}. A thread blocked in accept costs no CPU.
 */
final class ControlSocket implements AutoCloseable {
  static final String NAME = "daemon.sock";
  private static final Logger LOG = LoggerFactory.getLogger(ControlSocket.class);

  private final Path path;
  private final ServerSocketChannel server;
  private final Thread thread;

  private ControlSocket(Path path, ServerSocketChannel server, Function<String, String> handler) {
    this.path = path;
    this.server = server;
    this.thread = Thread.ofPlatform().name("kho-control").daemon().start(() -> serve(handler));
  }

  /** Listens in {@code directory}; refuses when another daemon already listens there. */
  static ControlSocket open(Path directory, Function<String, String> handler) throws IOException {
    Files.createDirectories(directory);
    Path path = directory.resolve(NAME);
    if (Files.exists(path)) {
      try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
        throw new KhoException("a Kho daemon already runs with the state directory " + directory,
            "stop it first, or give this one another --state-dir");
      } catch (IOException stale) {
        Files.delete(path);
      }
    }
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      server.bind(UnixDomainSocketAddress.of(path));
    } catch (IOException e) {
      server.close();
      throw new IOException("cannot listen on " + path + ": " + e.getMessage(), e);
    }
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    return new ControlSocket(path, server, handler);
  }

  private void serve(Function<String, String> handler) {
    while (server.isOpen()) {
      try (SocketChannel client = server.accept()) {
        BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
            StandardCharsets.UTF_8));
        String command = in.readLine();
        String reply = handler.apply(command == null ? "" : command.strip());
        OutputStream out = Channels.newOutputStream(client);
        out.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException e) {
        if (server.isOpen()) {
          LOG.warn("control socket: {}", e.getMessage());
        }
      }
    }
  }

  /** Sends {@code command} to the daemon listening in {@code directory} and returns its answer. */
  static String send(Path directory, String command) {
    Path path = directory.resolve(NAME);
    try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
      channel.write(java.nio.ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
      BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
          StandardCharsets.UTF_8));
      String reply = in.readLine();
      return reply == null ? "error the daemon closed the connection" : reply;
    } catch (IOException e) {
      throw new KhoException("no Kho daemon is listening on " + path + " (" + e.getMessage() + ")",
          "start it with kho daemon --config DIR (or systemctl start kho), with the same --state-dir");
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    Files.deleteIfExists(path);
    thread.interrupt();
  }
}
