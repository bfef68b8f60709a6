package org.wnverify.check.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wnverify.numeric.problem.DiagonalNetInstance;

class InstanceFilesTest {
  private static final String GOOD =
      "{\"A\": [[1, 2, -1]], \"b\": [2], \"L\": 2, \"r0\": 0.5, \"u0\": [0.6, 0.8, 0.1], \"eta\": 0.1}";

  @Test
  void writtenInstancesReadBackBitForBit(@TempDir Path dir) throws Exception {
    DiagonalNetInstance original = new DiagonalNetInstance(
        new double[][] {{0.1 + 0.2, Math.PI}, {-1e-300, 7}}, new double[] {1.0 / 3, 2}, 3, Math.E,
        new double[] {Math.sqrt(0.5), Math.sqrt(0.5)}, 0.1);
    Path file = dir.resolve("i.json");
    InstanceFiles.write(file, original);
    assertThat(InstanceFiles.read(file)).isEqualTo(original);
  }

  @Test
  void readsTheDocumentedFormat() throws Exception {
    DiagonalNetInstance i = (DiagonalNetInstance) InstanceFiles.parse("good.json", GOOD);
    assertThat(i.rows()).isEqualTo(1);
    assertThat(i.columns()).isEqualTo(3);
    assertThat(i.depth()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "truncated            | {\"A\": [[1, 2]], \"b\": [2  | malformed JSON",
      "not an object        | [1, 2, 3]                                   | expected a JSON object",
      "missing field        | {\"A\": [[1]], \"b\": [1], \"L\": 2, \"r0\": 1, \"u0\": [1]} | field 'eta': missing",
      "unknown field        | {\"A\": [[1]], \"b\": [1], \"L\": 2, \"r0\": 1, \"u0\": [1], \"eta\": 1, \"x\": 1} | field 'x': unknown",
      "ragged matrix        | {\"A\": [[1, 2], [3]], \"b\": [1, 1], \"L\": 2, \"r0\": 1, \"u0\": [1, 1], \"eta\": 1} | field 'A[1]'",
      "wrong b length       | {\"A\": [[1, 2]], \"b\": [1, 1], \"L\": 2, \"r0\": 1, \"u0\": [1, 1], \"eta\": 1} | field 'b'",
      "wrong u0 length      | {\"A\": [[1, 2]], \"b\": [1], \"L\": 2, \"r0\": 1, \"u0\": [1], \"eta\": 1} | field 'u0'",
      "NaN                  | {\"A\": [[NaN]], \"b\": [1], \"L\": 2, \"r0\": 1, \"u0\": [1], \"eta\": 1} | malformed JSON",
      "string for number    | {\"A\": [[1]], \"b\": [\"x\"], \"L\": 2, \"r0\": 1, \"u0\": [1], \"eta\": 1} | field 'b[0]'",
      "overflow to infinity | {\"A\": [[1e400]], \"b\": [1], \"L\": 2, \"r0\": 1, \"u0\": [1], \"eta\": 1} | field 'A[0][0]': must be finite",
      "fractional depth     | {\"A\": [[1]], \"b\": [1], \"L\": 2.5, \"r0\": 1, \"u0\": [1], \"eta\": 1} | field 'L'",
      "zero depth           | {\"A\": [[1]], \"b\": [1], \"L\": 0, \"r0\": 1, \"u0\": [1], \"eta\": 1} | field 'L'",
      "negative eta         | {\"A\": [[1]], \"b\": [1], \"L\": 2, \"r0\": 1, \"u0\": [1], \"eta\": -1} | field 'eta'",
      "zero u0              | {\"A\": [[1]], \"b\": [1], \"L\": 2, \"r0\": 1, \"u0\": [0], \"eta\": 1} | field 'u0'",
      "duplicate field      | {\"A\": [[1]], \"A\": [[1]], \"b\": [1], \"L\": 2, \"r0\": 1, \"u0\": [1], \"eta\": 1} | malformed JSON",
  })
  void badFilesGetOneLineErrorsNamingFileAndField(String name, String json, String expected) {
    assertThatThrownBy(() -> InstanceFiles.parse("bad.json", json))
        .isInstanceOf(InputFileException.class)
        .hasMessageStartingWith("bad.json")
        .hasMessageContaining(expected)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void versionTwoNamesTheFamilyAndVersionOneStillReadsAsTheDiagonalNet() throws Exception {
    String v2 = GOOD.replace("{", "{\"format\": \"wnverify-instance/2\", \"problem\": \"diagonal-net\", ");
    String v1 = GOOD.replace("{", "{\"format\": \"wnverify-instance/1\", ");
    assertThat(InstanceFiles.parse("v2.json", v2)).isEqualTo(InstanceFiles.parse("bare.json", GOOD));
    assertThat(InstanceFiles.parse("v1.json", v1)).isEqualTo(InstanceFiles.parse("bare.json", GOOD));
    assertThat(InstanceFiles.toJson(InstanceFiles.parse("v1.json", v1)))
        .containsEntry("format", "wnverify-instance/2").containsEntry("problem", "diagonal-net");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "v2 without problem   | {\"format\": \"wnverify-instance/2\", \"A\": [[1]], \"b\": [1], \"L\": 2, \"r0\": 1, \"u0\": [1], \"eta\": 1} | field 'problem': missing",
      "unknown family       | {\"format\": \"wnverify-instance/2\", \"problem\": \"mlp\", \"A\": [[1]]} | field 'problem': unknown problem family",
      "family not a string  | {\"format\": \"wnverify-instance/2\", \"problem\": 3} | field 'problem': unknown problem family",
      "v1 with problem      | {\"format\": \"wnverify-instance/1\", \"problem\": \"diagonal-net\", \"A\": [[1]]} | field 'problem': version-1 files",
      "unknown version      | {\"format\": \"wnverify-instance/3\", \"problem\": \"diagonal-net\"} | field 'format'",
      "other family's field | {\"format\": \"wnverify-instance/2\", \"problem\": \"diagonal-net\", \"A\": [[1]], \"b\": [1], \"L\": 2, \"r0\": 1, \"u0\": [1], \"eta\": 1, \"g0\": 1} | field 'g0': unknown",
  })
  void badEnvelopesGetOneLineErrorsNamingTheField(String name, String json, String expected) {
    assertThatThrownBy(() -> InstanceFiles.parse("bad.json", json))
        .isInstanceOf(InputFileException.class)
        .hasMessageStartingWith("bad.json")
        .hasMessageContaining(expected)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void missingFileIsAnInputError(@TempDir Path dir) {
    assertThatThrownBy(() -> InstanceFiles.read(dir.resolve("nope.json")))
        .isInstanceOf(InputFileException.class).hasMessageContaining("no such file");
  }

  /**
   * Fuzz: random byte-level mutations of a valid file must either parse to a valid instance or
   * fail with InputFileException, never with any other exception.
   */
  @Test
  void fuzzedFilesNeverEscapeAsUnexpectedExceptions(@TempDir Path dir) throws Exception {
    SplittableRandom rnd = new SplittableRandom(2026);
    String alphabet = "{}[],:\"0123456789.-eE+ NaInfAbLrue tx\n";
    for (int trial = 0; trial < 3000; trial++) {
      StringBuilder sb = new StringBuilder(GOOD);
      int edits = 1 + rnd.nextInt(4);
      for (int e = 0; e < edits && sb.length() > 0; e++) {
        int pos = rnd.nextInt(sb.length());
        switch (rnd.nextInt(3)) {
          case 0 -> sb.deleteCharAt(pos);
          case 1 -> sb.insert(pos, alphabet.charAt(rnd.nextInt(alphabet.length())));
          default -> sb.setCharAt(pos, alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
      }
      if (rnd.nextInt(10) == 0) {
        sb.setLength(rnd.nextInt(sb.length() + 1));
      }
      Path f = dir.resolve("f.json");
      Files.writeString(f, sb);
      try {
        DiagonalNetInstance i = (DiagonalNetInstance) InstanceFiles.read(f);
        assertThat(i.columns()).isEqualTo(i.u0().length);
      } catch (InputFileException expected) {
        assertThat(expected.getMessage()).doesNotContain("\n");
      }
    }
  }
}
