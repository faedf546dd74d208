package org.kho.repository;

import java.io.IOException;

/**
 * Takes a blob's verified plaintext, {@code buf[off, off+length)}, in an array lent for the call
 * only: it must copy what it keeps (see {@link Repository#readBlob(BlobType, BlobId, BlobSink)}).
 */
@FunctionalInterface
public interface BlobSink {
  void accept(byte[] buf, int off, int length) throws IOException;
}
