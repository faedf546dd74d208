package org.kho.repository;

/** A lock this process holds on a repository; closing it removes the lock object. */
public interface RepositoryLock extends AutoCloseable {
  @Override
  void close();
}
