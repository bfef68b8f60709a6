package org.wnverify.check.instance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wnverify.check.io.AtomicFiles;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.numeric.problem.InvalidInstanceException;

/**
 * Reads and writes instance files (format documented in the README):
 *
 * <pre>{ "format": "wnverify-instance/1", "A": [[1, 2], [3, 4]], "b": [1, 2], "L": 2,
 *   "r0": 0.5, "u0": [0.6, 0.8], "eta": 0.1 }</pre>
 *
 * Reading is strict: unknown fields, missing fields, wrong types, non-finite numbers and
 * inconsistent dimensions are all errors naming the file and the field. Doubles are written with
 * Java's shortest round-trip representation, so a written instance reads back bit for bit.
 */
public final class InstanceFiles {
  public static final String FORMAT = "wnverify-instance/1";
  private static final Set<String> FIELDS = Set.of("format", "A", "b", "L", "r0", "u0", "eta", "note");
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private InstanceFiles() {}

  /** Reads and validates an instance file. */
  public static DiagonalNetInstance read(Path file) throws InputFileException {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InputFileException(name, null, "no such file");
    } catch (IOException e) {
      throw new InputFileException(name, null, "cannot read: " + e.getMessage());
    }
    return parse(name, text);
  }

  /** Parses instance JSON; {@code name} is used in error messages. */
  public static DiagonalNetInstance parse(String name, String text) throws InputFileException {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr();
      throw new InputFileException(name, null, "malformed JSON" + where + ": "
          + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      throw new InputFileException(name, null, "expected a JSON object with fields A, b, L, r0, u0, eta");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw new InputFileException(name, f, "unknown field (known: A, b, L, r0, u0, eta, format, note)");
      }
    }
    if (root.has("format") && !FORMAT.equals(root.get("format").asText())) {
      throw new InputFileException(name, "format", "expected \"" + FORMAT + "\", got " + root.get("format"));
    }
    double[][] a = matrix(name, "A", required(name, root, "A"));
    double[] b = vector(name, "b", required(name, root, "b"));
    int depth = integer(name, "L", required(name, root, "L"));
    double r0 = number(name, "r0", required(name, root, "r0"));
    double[] u0 = vector(name, "u0", required(name, root, "u0"));
    double eta = number(name, "eta", required(name, root, "eta"));
    try {
      return new DiagonalNetInstance(a, b, depth, r0, u0, eta);
    } catch (InvalidInstanceException e) {
      throw new InputFileException(name, e.field(), e.getMessage().substring(e.field().length() + 2));
    }
  }

  /** Writes an instance atomically. */
  public static void write(Path file, DiagonalNetInstance instance) throws IOException {
    AtomicFiles.writeString(file, MAPPER.writeValueAsString(toJson(instance)) + "\n");
  }

  /** The JSON object of an instance, as embedded in reports. */
  public static Map<String, Object> toJson(DiagonalNetInstance instance) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    List<List<Double>> rows = new ArrayList<>();
    for (double[] row : instance.a()) {
      rows.add(boxed(row));
    }
    m.put("A", rows);
    m.put("b", boxed(instance.b()));
    m.put("L", instance.depth());
    m.put("r0", instance.r0());
    m.put("u0", boxed(instance.u0()));
    m.put("eta", instance.eta());
    return m;
  }

  private static List<Double> boxed(double[] v) {
    List<Double> l = new ArrayList<>(v.length);
    for (double x : v) {
      l.add(x);
    }
    return l;
  }

  private static JsonNode required(String file, JsonNode root, String field) throws InputFileException {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      throw new InputFileException(file, field, "missing");
    }
    return n;
  }

  private static double number(String file, String field, JsonNode n) throws InputFileException {
    if (!n.isNumber()) {
      throw new InputFileException(file, field, "expected a number, got " + abbreviate(n));
    }
    double v = n.asDouble();
    if (!Double.isFinite(v)) {
      throw new InputFileException(file, field, "must be finite, got " + n);
    }
    return v;
  }

  private static int integer(String file, String field, JsonNode n) throws InputFileException {
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw new InputFileException(file, field, "expected an integer, got " + abbreviate(n));
    }
    return n.asInt();
  }

  private static double[] vector(String file, String field, JsonNode n) throws InputFileException {
    if (!n.isArray()) {
      throw new InputFileException(file, field, "expected an array of numbers, got " + abbreviate(n));
    }
    double[] v = new double[n.size()];
    for (int k = 0; k < v.length; k++) {
      v[k] = number(file, field + "[" + k + "]", n.get(k));
    }
    return v;
  }

  private static double[][] matrix(String file, String field, JsonNode n) throws InputFileException {
    if (!n.isArray() || n.size() == 0) {
      throw new InputFileException(file, field, "expected a non-empty array of rows, got " + abbreviate(n));
    }
    double[][] m = new double[n.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = vector(file, field + "[" + i + "]", n.get(i));
    }
    return m;
  }

  private static String abbreviate(JsonNode n) {
    String s = n.toString();
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }
}
