package org.kho.app;

import java.util.List;
import java.util.function.Consumer;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;

/** A storage that runs a hook before every create and delete: to pause a writer, or to fail it at a chosen point. */
final class HookedStorage implements Storage {
  private final Storage inner;
  private final Consumer<ObjectName> beforeWrite;

  HookedStorage(Storage inner, Consumer<ObjectName> beforeWrite) {
    this.inner = inner;
    this.beforeWrite = beforeWrite;
  }

  @Override
  public String describe() {
    return inner.describe();
  }

  @Override
  public void create(ObjectName name, byte[] data) {
    beforeWrite.accept(name);
    inner.create(name, data);
  }

  @Override
  public byte[] read(ObjectName name) {
    return inner.read(name);
  }

  @Override
  public byte[] read(ObjectName name, long offset, int length) {
    return inner.read(name, offset, length);
  }

  @Override
  public long size(ObjectName name) {
    return inner.size(name);
  }

  @Override
  public boolean exists(ObjectName name) {
    return inner.exists(name);
  }

  @Override
  public List<ObjectInfo> list(ObjectKind kind) {
    return inner.list(kind);
  }

  @Override
  public boolean delete(ObjectName name) {
    beforeWrite.accept(name);
    return inner.delete(name);
  }
}
