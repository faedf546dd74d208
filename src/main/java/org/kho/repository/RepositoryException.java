package org.kho.repository;

import org.kho.core.KhoException;

/** The failures a repository reports; the subclass says which, for the exit code. */
public sealed class RepositoryException extends KhoException
    permits RepositoryException.NotFound, RepositoryException.WrongKey, RepositoryException.Locked,
        RepositoryException.Damaged, RepositoryException.AlreadyExists {
  private static final long serialVersionUID = 1L;

  RepositoryException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }

  /** There is no repository where one was expected. */
  public static final class NotFound extends RepositoryException {
    private static final long serialVersionUID = 1L;

    NotFound(String where) {
      this(where, "");
    }

    /** @param detail why, in parentheses after the place (e.g. "the folder does not exist"), or empty */
    public NotFound(String where, String detail) {
      super("no Kho repository at " + where + (detail.isEmpty() ? "" : " (" + detail + ")"),
          "check --repo (or KHO_REPOSITORY), or create one with 'kho repo init --repo " + where + "'", null);
    }
  }

  /** {@code repo init} found something already there. */
  public static final class AlreadyExists extends RepositoryException {
    private static final long serialVersionUID = 1L;

    AlreadyExists(String where) {
      super("a repository already exists at " + where, "use it as it is, or choose an empty folder", null);
    }
  }

  /** No key slot opens with what was given. */
  public static final class WrongKey extends RepositoryException {
    private static final long serialVersionUID = 1L;

    WrongKey(String where, int slots) {
      super("wrong password or key for " + where + " (tried " + slots + " key slot" + (slots == 1 ? "" : "s") + ")",
          "check the file in --password-file / KHO_PASSWORD_FILE (or --key-file); a recovery key also works", null);
    }
  }

  /** Another process holds a lock that conflicts with the one asked for. */
  public static final class Locked extends RepositoryException {
    private static final long serialVersionUID = 1L;

    Locked(String what) {
      super("the repository is locked: " + what,
          "wait for that run to finish; if it is certainly dead, 'kho unlock --repo …' removes stale locks", null);
    }
  }

  /** Stored bytes are damaged or missing: the message names the object and what depends on it. */
  public static final class Damaged extends RepositoryException {
    private static final long serialVersionUID = 1L;

    public Damaged(String what, Throwable cause) {
      super(what, "run 'kho check --read-data' to list every damaged object and the snapshots and files it affects", cause);
    }
  }
}
