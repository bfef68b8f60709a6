package org.wnverify.check.problem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import org.wnverify.check.instance.InputFileException;

/**
 * Strict access to the fields of one instance file (or one nested object of it): every error
 * names the file and the field, numbers must be finite, arrays must have the right shape. A
 * family's codec reads its section through this and never sees raw JSON errors.
 */
public final class FieldReader {
  private final String file;
  private final String prefix;
  private final JsonNode object;

  public FieldReader(String file, JsonNode object) {
    this(file, "", object);
  }

  private FieldReader(String file, String prefix, JsonNode object) {
    this.file = file;
    this.prefix = prefix;
    this.object = object;
  }

  /** The file name used in error messages. */
  public String file() {
    return file;
  }

  /** Fails on the first field not in {@code known} (a typo must not be silently ignored). */
  public void requireOnly(Set<String> known) throws InputFileException {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!known.contains(f)) {
        throw new InputFileException(file, prefix + f, "unknown field (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    }
  }

  public boolean has(String field) {
    JsonNode n = object.get(field);
    return n != null && !n.isNull();
  }

  public double number(String field) throws InputFileException {
    return number(prefix + field, required(field));
  }

  public Optional<Double> optionalNumber(String field) throws InputFileException {
    return has(field) ? Optional.of(number(field)) : Optional.empty();
  }

  public int integer(String field) throws InputFileException {
    JsonNode n = required(field);
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw error(prefix + field, "expected an integer, got " + abbreviate(n));
    }
    return n.asInt();
  }

  public String text(String field) throws InputFileException {
    JsonNode n = required(field);
    if (!n.isTextual()) {
      throw error(prefix + field, "expected a string, got " + abbreviate(n));
    }
    return n.asText();
  }

  public double[] vector(String field) throws InputFileException {
    return vector(prefix + field, required(field));
  }

  /** A non-empty array of rows; raggedness is left to the instance record, which names the row. */
  public double[][] matrix(String field) throws InputFileException {
    JsonNode n = required(field);
    String name = prefix + field;
    if (!n.isArray() || n.size() == 0) {
      throw error(name, "expected a non-empty array of rows, got " + abbreviate(n));
    }
    double[][] m = new double[n.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = vector(name + "[" + i + "]", n.get(i));
    }
    return m;
  }

  /** A nested object, read with the same strictness; its errors name {@code field.sub}. */
  public FieldReader object(String field) throws InputFileException {
    JsonNode n = required(field);
    if (!n.isObject()) {
      throw error(prefix + field, "expected an object, got " + abbreviate(n));
    }
    return new FieldReader(file, prefix + field + ".", n);
  }

  /** Element k of an array of objects, e.g. a network's layers. */
  public FieldReader[] objects(String field) throws InputFileException {
    JsonNode n = required(field);
    if (!n.isArray()) {
      throw error(prefix + field, "expected an array of objects, got " + abbreviate(n));
    }
    FieldReader[] out = new FieldReader[n.size()];
    for (int k = 0; k < out.length; k++) {
      if (!n.get(k).isObject()) {
        throw error(prefix + field + "[" + k + "]", "expected an object, got " + abbreviate(n.get(k)));
      }
      out[k] = new FieldReader(file, prefix + field + "[" + k + "].", n.get(k));
    }
    return out;
  }

  /** An error about a field of this reader, e.g. a value out of its range. */
  public InputFileException error(String field, String problem) {
    return new InputFileException(file, field.startsWith(prefix) ? field : prefix + field, problem);
  }

  private JsonNode required(String field) throws InputFileException {
    JsonNode n = object.get(field);
    if (n == null || n.isNull()) {
      throw new InputFileException(file, prefix + field, "missing");
    }
    return n;
  }

  private double number(String name, JsonNode n) throws InputFileException {
    if (!n.isNumber()) {
      throw new InputFileException(file, name, "expected a number, got " + abbreviate(n));
    }
    double v = n.asDouble();
    if (!Double.isFinite(v)) {
      throw new InputFileException(file, name, "must be finite, got " + n);
    }
    return v;
  }

  private double[] vector(String name, JsonNode n) throws InputFileException {
    if (!n.isArray()) {
      throw new InputFileException(file, name, "expected an array of numbers, got " + abbreviate(n));
    }
    double[] v = new double[n.size()];
    for (int k = 0; k < v.length; k++) {
      v[k] = number(name + "[" + k + "]", n.get(k));
    }
    return v;
  }

  static String abbreviate(JsonNode n) {
    String s = n.toString();
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }
}
