package org.kho.catalogue;

import java.util.List;

/** Commands run before and after an item's backup (stop a service, flush, take an LVM snapshot). */
public record Hooks(List<CommandLine> pre, List<CommandLine> post) {
  /** No hooks. */
  public static final Hooks NONE = new Hooks(List.of(), List.of());

  /** Copies the lists. */
  public Hooks {
    pre = List.copyOf(pre);
    post = List.copyOf(post);
  }
}
