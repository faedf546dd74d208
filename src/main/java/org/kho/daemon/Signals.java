package org.kho.daemon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** SIGHUP reloads; SIGTERM and SIGINT stop cleanly (each on its own thread: handlers must return at once). */
public final class Signals {
  private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

  private Signals() {}

  public static void install(Daemon daemon) {
    Signal.handle(new Signal("HUP"), s -> Thread.ofPlatform().name("kho-reload").start(() -> reload(daemon)));
    Signal.handle(new Signal("TERM"), s -> Thread.ofPlatform().name("kho-stop").start(daemon::stop));
    Signal.handle(new Signal("INT"), s -> Thread.ofPlatform().name("kho-stop").start(daemon::stop));
  }

  private static void reload(Daemon daemon) {
    try {
      daemon.reload();
    } catch (RuntimeException e) {
      LOG.error("reload failed, the daemon keeps the schedule it had: {}", e.getMessage());
    }
  }
}
