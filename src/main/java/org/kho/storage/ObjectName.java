package org.kho.storage;

import java.util.regex.Pattern;

/**
 * The name of one object: its kind and its file name. Every kind but {@link ObjectKind#CONFIG}
 * is named by the lower-case hex SHA-256 of its stored bytes (64 characters).
 */
public record ObjectName(ObjectKind kind, String name) {
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  /** The one config object. */
  public static final ObjectName CONFIG = new ObjectName(ObjectKind.CONFIG, "config");

  public ObjectName {
    if (kind == ObjectKind.CONFIG ? !name.equals("config") : !HASH.matcher(name).matches()) {
      throw new IllegalArgumentException("not a valid " + kind + " object name: " + name);
    }
  }

  public static ObjectName of(ObjectKind kind, String name) {
    return new ObjectName(kind, name);
  }

  /** Whether {@code name} is a valid name for an object of {@code kind}. */
  public static boolean valid(ObjectKind kind, String name) {
    return kind == ObjectKind.CONFIG ? name.equals("config") : HASH.matcher(name).matches();
  }

  /** The path relative to the repository root, with '/' separators: {@code data/3f/3f9a…}. */
  public String path() {
    return switch (kind) {
      case CONFIG -> name;
      case DATA -> kind.folder() + "/" + name.substring(0, 2) + "/" + name;
      default -> kind.folder() + "/" + name;
    };
  }

  @Override
  public String toString() {
    return path();
  }
}
