package org.kho.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What an I/O failure was, in words a user reads, without the exception's class name and without
 * repeating the path the message already names.
 */
public final class IoReasons {
  private IoReasons() {}

  /** "permission denied", "no such file or folder", the system's own reason, or the message. */
  public static String of(IOException e) {
    return switch (e) {
      case AccessDeniedException denied -> "permission denied";
      case NoSuchFileException missing -> "no such file or folder";
      case NotDirectoryException file -> "a file stands where a folder should be";
      case FileSystemException f when f.getReason() != null -> f.getReason();
      case FileSystemException f -> f.getClass().getSimpleName();
      default -> String.valueOf(e.getMessage());
    };
  }

  /** {@link #of}, after the file the failure names when that is not {@code context}: "FILE: reason". */
  public static String of(IOException e, String context) {
    String file = e instanceof FileSystemException f ? f.getFile() : null;
    return file == null || file.equals(context) ? of(e) : file + ": " + of(e);
  }
}
