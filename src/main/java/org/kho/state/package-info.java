/**
 * Kho's own records, kept through JDBC: the history of every run (what, when, outcome, figures,
 * errors), the index of evidence written to targets, and an append-only, hash-chained audit log.
 * An embedded H2 file database by default (nothing to set up), PostgreSQL by one setting
 * ({@link org.kho.state.StateLocation}); the schema is changed only by versioned migrations, which
 * also lay down the tables of the daemon's Quartz job store.
 */
package org.kho.state;
