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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wnverify.check.chou.DiagonalNetFamily;
import org.wnverify.check.io.AtomicFiles;
import org.wnverify.check.problem.FieldReader;
import org.wnverify.check.problem.ProblemFamilies;
import org.wnverify.check.problem.ProblemFamily;
import org.wnverify.numeric.problem.ProblemInstance;

/**
 * Reads and writes instance files (format documented in the README), for every problem family:
 *
 * <pre>{ "format": "wnverify-instance/2", "problem": "diagonal-net",
 *   "A": [[1, 2], [3, 4]], "b": [1, 2], "L": 2, "r0": 0.5, "u0": [0.6, 0.8], "eta": 0.1 }</pre>
 *
 * The {@code problem} field names the family (see {@link ProblemFamilies}), which reads the other
 * fields. Version-1 files ({@code "format": "wnverify-instance/1"} or no format, and no
 * {@code problem}) predate families and read as the diagonal net. Reading is strict: unknown
 * fields, missing fields, wrong types, non-finite numbers and inconsistent dimensions are all
 * errors naming the file and the field. Doubles are written with Java's shortest round-trip
 * representation, so a written instance reads back bit for bit. Files are always written as
 * version 2.
 */
public final class InstanceFiles {
  public static final String FORMAT = "wnverify-instance/2";
  public static final String FORMAT_V1 = "wnverify-instance/1";
  /** Fields of the envelope, beside the family's own. */
  private static final Set<String> ENVELOPE = Set.of("format", "problem", "note");
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private InstanceFiles() {}

  /** Reads and validates an instance file of any family. */
  public static ProblemInstance read(Path file) throws InputFileException {
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
  public static ProblemInstance parse(String name, String text) throws InputFileException {
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
      throw new InputFileException(name, null, "expected a JSON object: {\"format\": \"" + FORMAT
          + "\", \"problem\": one of " + ProblemFamilies.names() + ", then the family's fields}");
    }
    ProblemFamily<?> family = family(name, root);
    Set<String> known = new LinkedHashSet<>(family.fields());
    known.addAll(ENVELOPE);
    FieldReader fields = new FieldReader(name, root);
    fields.requireOnly(known);
    return family.read(fields);
  }

  /** The family named by the file: version 1 is the diagonal net, version 2 names it. */
  private static ProblemFamily<?> family(String name, JsonNode root) throws InputFileException {
    JsonNode format = root.get("format");
    JsonNode problem = root.get("problem");
    boolean v1 = format == null ? problem == null : FORMAT_V1.equals(format.asText()) && format.isTextual();
    if (format != null && !v1 && !(format.isTextual() && FORMAT.equals(format.asText()))) {
      throw new InputFileException(name, "format", "expected \"" + FORMAT + "\" (or \"" + FORMAT_V1
          + "\" for the diagonal net), got " + format);
    }
    if (v1) {
      if (problem != null) {
        throw new InputFileException(name, "problem", "version-1 files are all diagonal-net instances and have no "
            + "'problem' field; write \"format\": \"" + FORMAT + "\" to name a family");
      }
      return DiagonalNetFamily.INSTANCE;
    }
    if (problem == null || problem.isNull()) {
      throw new InputFileException(name, "problem", "missing (one of " + ProblemFamilies.names() + ")");
    }
    Optional<ProblemFamily<?>> f = problem.isTextual() ? ProblemFamilies.byName(problem.asText()) : Optional.empty();
    if (f.isEmpty()) {
      throw new InputFileException(name, "problem", "unknown problem family " + problem
          + " (known: " + ProblemFamilies.names() + ")");
    }
    return f.get();
  }

  /** Writes an instance atomically. */
  public static void write(Path file, ProblemInstance instance) throws IOException {
    AtomicFiles.writeString(file, MAPPER.writeValueAsString(toJson(instance)) + "\n");
  }

  /** The JSON object of an instance (envelope and the family's section), as embedded in reports. */
  public static Map<String, Object> toJson(ProblemInstance instance) {
    return toJson(ProblemFamilies.of(instance), instance);
  }

  /** The JSON object of an instance of a known family (also one not registered, e.g. in tests). */
  public static <I extends ProblemInstance> Map<String, Object> toJson(ProblemFamily<I> family,
      ProblemInstance instance) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("problem", family.name());
    m.putAll(family.write(family.cast(instance)));
    return m;
  }
}
