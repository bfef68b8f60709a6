package org.wnverify.numeric.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MNIST path on a small synthetic file in the same (IDX) format. */
class IdxFileTest {
  @TempDir
  Path dir;

  static byte[] idx(int type, int[] shape, int[] values) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream o = new DataOutputStream(b);
    o.writeByte(0);
    o.writeByte(0);
    o.writeByte(type);
    o.writeByte(shape.length);
    for (int s : shape) {
      o.writeInt(s);
    }
    for (int v : values) {
      o.writeByte(v);
    }
    return b.toByteArray();
  }

  @Test
  void readsImagesAndLabelsPlainAndGzipped() throws IOException {
    int[] pixels = new int[3 * 2 * 2];
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (i * 23) % 256;
    }
    Path im = dir.resolve("imgs-idx3-ubyte");
    Files.write(im, idx(0x08, new int[] {3, 2, 2}, pixels));
    Path lb = dir.resolve("labels-idx1-ubyte.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(lb))) {
      o.write(idx(0x08, new int[] {3}, new int[] {7, 0, 9}));
    }
    IdxFile f = IdxFile.read(im);
    assertThat(f.shape()).containsExactly(3, 2, 2);
    assertThat(f.data()[5]).isEqualTo(115.0);
    Dataset d = IdxFile.mnist(im, lb, 10, 0);
    assertThat(d.size()).isEqualTo(3);
    assertThat(d.dimension()).isEqualTo(4);
    assertThat(d.labels()).containsExactly(7, 0, 9);
    assertThat(d.x()[1][1]).isCloseTo((115 / 255.0 - IdxFile.MNIST_MEAN) / IdxFile.MNIST_STD,
        org.assertj.core.data.Offset.offset(1e-15));
    assertThat(IdxFile.mnist(im, lb, 10, 2).size()).isEqualTo(2);
  }

  @Test
  void malformedFilesGiveClearErrors() throws IOException {
    Path bad = dir.resolve("bad");
    Files.write(bad, new byte[] {1, 2, 8, 1});
    assertThatThrownBy(() -> IdxFile.read(bad)).hasMessageContaining("not an IDX file");
    Path shortFile = dir.resolve("short");
    Files.write(shortFile, idx(0x08, new int[] {10}, new int[] {1, 2, 3}));
    assertThatThrownBy(() -> IdxFile.read(shortFile)).hasMessageContaining("ends early");
    Path labels = dir.resolve("labels");
    Files.write(labels, idx(0x08, new int[] {2}, new int[] {1, 12}));
    Path images = dir.resolve("images");
    Files.write(images, idx(0x08, new int[] {2, 1, 1}, new int[] {0, 255}));
    assertThatThrownBy(() -> IdxFile.mnist(images, labels, 10, 0)).hasMessageContaining("label 12.0");
    Path three = dir.resolve("three");
    Files.write(three, idx(0x08, new int[] {3}, new int[] {1, 2, 3}));
    assertThatThrownBy(() -> IdxFile.mnist(images, three, 10, 0)).hasMessageContaining("3 labels");
    assertThatThrownBy(() -> IdxFile.read(dir.resolve("missing"))).hasMessageContaining("no such file");
  }
}
