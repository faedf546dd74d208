package org.kho.storage.vfs;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;

class ScratchTimingTest {
  @TempDir Path dir;

  @Test
  void time() throws Exception {
    try (TestSftpServer server = TestSftpServer.start(dir.resolve("root"), dir.resolve("w"));
        VfsStorage s = VfsStorage.create(RemoteUrl.parse(server.url("/r")), SftpStorageTest.passwordAccess(server))) {
      byte[] big = new byte[16 << 20];
      new java.util.Random().nextBytes(big);
      for (int i = 0; i < 8; i++) {
        big[0] = (byte) i;
        long a = System.nanoTime();
        s.create(ObjectName.of(ObjectKind.DATA, org.kho.crypto.Sha256.hex(big)), big);
        long b = System.nanoTime();
        s.read(ObjectName.of(ObjectKind.DATA, org.kho.crypto.Sha256.hex(big)));
        long c = System.nanoTime();
        System.out.printf("16 MiB up %.0f MB/s down %.0f MB/s%n", 16.8e9 / (b - a), 16.8e9 / (c - b));
      }
      for (int i = 0; i < 5; i++) {
        byte[] d = ("x" + i).getBytes();
        ObjectName n = ObjectName.of(ObjectKind.LOCK, org.kho.crypto.Sha256.hex(d));
        long t0 = System.nanoTime();
        s.create(n, d);
        long t1 = System.nanoTime();
        s.exists(n);
        long t2 = System.nanoTime();
        s.read(n);
        long t3 = System.nanoTime();
        s.delete(n);
        long t4 = System.nanoTime();
        s.list(ObjectKind.LOCK);
        long t5 = System.nanoTime();
        System.out.printf("create %d exists %d read %d delete %d list %d ms%n", (t1 - t0) / 1000000, (t2 - t1) / 1000000,
            (t3 - t2) / 1000000, (t4 - t3) / 1000000, (t5 - t4) / 1000000);
      }
    }
  }
}
