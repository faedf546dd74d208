package org.kho.repository;

import java.time.Instant;

/** The public facts of a key slot, for {@code kho key list}: never the key. */
public record KeySlotInfo(String id, String kind, String label, Instant created, String host) {}
