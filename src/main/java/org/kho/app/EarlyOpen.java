package org.kho.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.kho.logarchive.LogArchive;
import org.kho.repository.Repository;

/**
 * A repository opened on a background thread from the moment it is known to be needed, so that its
 * key derivation (Argon2id, a third of a second on two cores) overlaps work that needs no key, such
 * as finding and dating a month's log files. {@link #open} waits for it and gives the repository,
 * or throws exactly what opening threw (a wrong password says so, at the same point as before).
 * A repository never taken is closed by {@link #close}.
 */
final class EarlyOpen implements LogArchive.Opener, AutoCloseable {
  private final CompletableFuture<Repository> opening;
  private boolean taken;

  private EarlyOpen(CompletableFuture<Repository> opening) {
    this.opening = opening;
  }

  /** Starts {@code open} on a new daemon thread. */
  static EarlyOpen start(Supplier<Repository> open) {
    CompletableFuture<Repository> f = new CompletableFuture<>();
    Thread.ofPlatform().daemon().name("kho-open-repository").start(() -> {
      try {
        f.complete(open.get());
      } catch (RuntimeException | Error e) {
        f.completeExceptionally(e);
      }
    });
    return new EarlyOpen(f);
  }

  @Override
  public Repository open() {
    taken = true;
    try {
      return opening.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** Closes the repository if {@link #open} never handed it out (now, or once it is open). */
  @Override
  public void close() {
    if (!taken) {
      opening.thenAccept(Repository::close);
    }
  }
}
