/**
 * Small shared values with no I/O: typed identifiers and the rules for writing them.
 *
 * <p>Every other package may import this one; it imports only the JDK. An identifier
 * ({@link org.kho.core.ItemId}, {@link org.kho.core.TargetId}, ...) is a record around a
 * validated string, so that an item id can never be passed where a target id is meant. Also the
 * wording of an I/O failure for a user ({@link org.kho.core.IoReasons}) and a path's bytes for the
 * system calls made through FFM ({@link org.kho.core.NativePaths}).
 */
package org.kho.core;
