package org.kho.repository;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;

/**
 * Repository locks that a crashed process cannot leave stuck: each holder renews its lock every
 * {@link #REFRESH_EVERY}; a lock not renewed for {@link #STALE_AFTER}, or whose process is gone
 * from this host, is stale and removed by the next process that looks.
 */
final class Locks {
  static final Duration REFRESH_EVERY = Duration.ofMinutes(5);
  static final Duration STALE_AFTER = Duration.ofMinutes(30);
  private final Storage storage;
  private final SealedObjects sealed;
  private final Clock clock;
  private final Host host;

  Locks(Storage storage, SealedObjects sealed, Clock clock, Host host) {
    this.storage = storage;
    this.sealed = sealed;
    this.clock = clock;
    this.host = host;
  }

  /** A lock held by this process; closing it removes it. */
  final class Held implements RepositoryLock {
    private volatile ObjectName name;
    private final Lock lock;
    private final ScheduledExecutorService refresher;

    private Held(ObjectName name, Lock lock) {
      this.name = name;
      this.lock = lock;
      this.refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kho-lock-refresh");
        t.setDaemon(true);
        return t;
      });
      long every = REFRESH_EVERY.toSeconds();
      refresher.scheduleAtFixedRate(this::refresh, every, every, TimeUnit.SECONDS);
    }

    private synchronized void refresh() {
      ObjectName old = name;
      name = sealed.writeJson(ObjectKind.LOCK, new Lock(lock.host(), lock.pid(), lock.user(), lock.created(),
          clock.instant(), lock.exclusive(), nonce(), lock.prune()));
      storage.delete(old);
    }

    synchronized ObjectName name() {
      return name;
    }

    @Override
    public synchronized void close() {
      refresher.shutdownNow();
      storage.delete(name);
    }
  }

  Held acquire(boolean exclusive) {
    return acquire(exclusive, false);
  }

  /** A lock; with {@code prune} a shared one that also excludes other prunes. */
  Held acquire(boolean exclusive, boolean prune) {
    removeStaleAndCheck(exclusive, prune, null);
    Instant now = clock.instant();
    Lock mine = new Lock(host.name(), host.pid(), host.user(), now, now, exclusive, nonce(), prune ? Boolean.TRUE : null);
    ObjectName name = sealed.writeJson(ObjectKind.LOCK, mine);
    try {
      removeStaleAndCheck(exclusive, prune, name);
    } catch (RepositoryException.Locked e) {
      storage.delete(name);
      throw e;
    }
    return new Held(name, mine);
  }

  /** Removes every stale lock, or with {@code all} every lock; returns how many. */
  int unlock(boolean all) {
    int removed = 0;
    for (Storage.ObjectInfo info : storage.list(ObjectKind.LOCK)) {
      Optional<Lock> lock = read(info.name());
      if (all || lock.isEmpty() || stale(lock.get())) {
        removed += storage.delete(info.name()) ? 1 : 0;
      }
    }
    return removed;
  }

  /** Every lock that is not stale, but {@code mine}. */
  List<Lock> live(ObjectName mine) {
    List<Lock> out = new ArrayList<>();
    for (Storage.ObjectInfo info : storage.list(ObjectKind.LOCK)) {
      if (!info.name().equals(mine)) {
        read(info.name()).filter(l -> !stale(l)).ifPresent(out::add);
      }
    }
    return out;
  }

  private void removeStaleAndCheck(boolean exclusive, boolean prune, ObjectName mine) {
    List<String> conflicts = new ArrayList<>();
    for (Storage.ObjectInfo info : storage.list(ObjectKind.LOCK)) {
      if (info.name().equals(mine)) {
        continue;
      }
      Optional<Lock> read = read(info.name());
      if (read.isEmpty()) {
        continue;
      }
      Lock other = read.get();
      if (stale(other)) {
        storage.delete(info.name());
      } else if (exclusive || other.exclusive() || (prune && other.pruning())) {
        conflicts.add((other.exclusive() ? "exclusive" : other.pruning() ? "prune" : "shared") + " lock held by " + other.user() + "@" + other.host()
            + " (pid " + other.pid() + ") since " + other.created() + ", last renewed " + other.refreshed());
      }
    }
    if (!conflicts.isEmpty()) {
      throw new RepositoryException.Locked(String.join("; ", conflicts));
    }
  }

  private boolean stale(Lock lock) {
    if (Duration.between(lock.refreshed(), clock.instant()).compareTo(STALE_AFTER) > 0) {
      return true;
    }
    return lock.host().equals(host.name()) && !host.alive(lock.pid(), lock.created());
  }

  private Optional<Lock> read(ObjectName name) {
    try {
      return Optional.of(sealed.readJson(name, Lock.class));
    } catch (org.kho.storage.NoSuchObjectException e) {
      return Optional.empty();
    }
  }

  private static String nonce() {
    byte[] b = new byte[8];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
