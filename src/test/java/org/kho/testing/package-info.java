/** Test fixtures shared across packages: real servers (PostgreSQL) that tests start and stop themselves. */
package org.kho.testing;
