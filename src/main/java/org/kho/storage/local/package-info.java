/**
 * The local target: a repository in a folder of a local or external disk, one file per object at
 * {@code root/ObjectName.path()}.
 *
 * <p>An object is written to a {@code .tmp-} file beside its final place, forced to the disk, and
 * then published under its name in one step that never replaces an existing file; the folder is
 * forced too, so the name survives a power loss. Listing skips anything that is not a valid object
 * name, temporary files included. An upload ({@code Storage.upload}, how a backup writes its packs)
 * goes into a {@code .tmp-} file in its kind's folder as the bytes come and is published the same
 * way at commit, so no pack is held whole in memory.
 *
 * <p>Imports only {@code storage} and {@code core}.
 */
package org.kho.storage.local;
