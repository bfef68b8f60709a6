package org.wnverify.numeric.network;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of the MNIST files (LeCun's format: two zero bytes, a type byte, the
 * number of dimensions, the dimensions as big-endian int32, then the data, big-endian), plain or
 * gzipped (name ending .gz). MNIST cannot be downloaded here; users pass their own copy.
 *
 * @param shape the dimensions
 * @param data the values in row-major order
 */
public record IdxFile(int[] shape, double[] data) {
  /** Refuses files claiming more values than this (a corrupt header, not a data set). */
  public static final long MAX_VALUES = 200_000_000L;

  public static IdxFile read(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      throw new IOException(path + ": no such file");
    }
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(path))) {
      InputStream in = path.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      return read(in, path.toString());
    }
  }

  static IdxFile read(InputStream stream, String name) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    try {
      int z0 = in.readUnsignedByte();
      int z1 = in.readUnsignedByte();
      int type = in.readUnsignedByte();
      int dims = in.readUnsignedByte();
      if (z0 != 0 || z1 != 0) {
        throw new IOException(name + ": not an IDX file (magic number must start with two zero bytes)");
      }
      int width = switch (type) {
        case 0x08, 0x09 -> 1;
        case 0x0B -> 2;
        case 0x0C, 0x0D -> 4;
        case 0x0E -> 8;
        default -> throw new IOException(name + ": unknown IDX data type 0x" + Integer.toHexString(type));
      };
      if (dims < 1) {
        throw new IOException(name + ": IDX file with 0 dimensions");
      }
      int[] shape = new int[dims];
      long count = 1;
      for (int d = 0; d < dims; d++) {
        shape[d] = in.readInt();
        if (shape[d] < 0) {
          throw new IOException(name + ": negative dimension " + shape[d]);
        }
        count *= shape[d];
        if (count > MAX_VALUES) {
          throw new IOException(name + ": header claims more than " + MAX_VALUES + " values");
        }
      }
      double[] data = new double[(int) count];
      for (int i = 0; i < data.length; i++) {
        data[i] = switch (type) {
          case 0x08 -> in.readUnsignedByte();
          case 0x09 -> in.readByte();
          case 0x0B -> in.readShort();
          case 0x0C -> in.readInt();
          case 0x0D -> in.readFloat();
          default -> in.readDouble();
        };
      }
      if (in.read() != -1) {
        throw new IOException(name + ": trailing bytes after " + count + " values of shape " + Arrays.toString(shape));
      }
      return new IdxFile(shape, data);
    } catch (EOFException e) {
      throw new IOException(name + ": file ends early (truncated IDX data)", e);
    }
  }

  /** The MNIST pixel normalization of the authors' code: (p/255 - 0.1307)/0.3081. */
  public static final double MNIST_MEAN = 0.1307;
  public static final double MNIST_STD = 0.3081;

  /**
   * A k-class dataset from an images file (n x rows x cols, bytes) and a labels file (n bytes).
   *
   * @param limit use only the first {@code limit} points (0 for all)
   */
  public static Dataset mnist(Path images, Path labels, int classes, int limit) throws IOException {
    IdxFile im = read(images);
    IdxFile lb = read(labels);
    if (im.shape.length < 2) {
      throw new IOException(images + ": images need at least 2 dimensions, got " + Arrays.toString(im.shape));
    }
    if (lb.shape.length != 1) {
      throw new IOException(labels + ": labels must be 1-dimensional, got " + Arrays.toString(lb.shape));
    }
    int n = im.shape[0];
    if (lb.shape[0] != n) {
      throw new IOException(images + " has " + n + " images but " + labels + " has " + lb.shape[0] + " labels");
    }
    int m = limit > 0 ? Math.min(limit, n) : n;
    int d = im.data.length / Math.max(n, 1);
    double[][] x = new double[m][d];
    int[] y = new int[m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = (im.data[i * d + j] / 255.0 - MNIST_MEAN) / MNIST_STD;
      }
      double l = lb.data[i];
      if (l != Math.rint(l) || l < 0 || l >= classes) {
        throw new IOException(labels + ": label " + l + " of point " + i + " is not a class 0.." + (classes - 1));
      }
      y[i] = (int) l;
    }
    return new Dataset(x, y, classes);
  }
}
