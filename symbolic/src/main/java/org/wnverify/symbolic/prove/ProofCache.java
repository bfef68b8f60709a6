package org.wnverify.symbolic.prove;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A persistent store of finished proofs, content-addressed: the key is a SHA-256 of everything
 * the proof depends on (the problem's name, dimensions, steps, defect texts, variables and their
 * ranges, norm rewrites, the prover's seed, point count and revision, and Symja's version). A
 * stored proof is therefore exactly the proof a fresh run would produce on the same input; the
 * cache only saves the time. Only PROVED, CONFIRMED_AT_POINTS and REFUTED proofs are stored (an
 * UNKNOWN may depend on a time budget), and any I/O problem is ignored: the proof is recomputed.
 *
 * <p>The files are small text files, one per proof, under a directory (see {@link #standard()}).
 */
public interface ProofCache {
  /**
   * Bump when the prover's algorithm or the stored format changes, so that old entries are not
   * found any more.
   */
  String REVISION = "wnverify-proof/5";

  Optional<IdentityProof> get(String key);

  void put(String key, IdentityProof proof);

  /** No caching. */
  ProofCache NONE = new ProofCache() {
    @Override
    public Optional<IdentityProof> get(String key) {
      return Optional.empty();
    }

    @Override
    public void put(String key, IdentityProof proof) {}

    @Override
    public String toString() {
      return "no proof cache";
    }
  };

  /**
   * The cache of the command line: the directory named by the system property {@code
   * wnverify.proof-cache} or the environment variable {@code WNVERIFY_PROOF_CACHE} (the value
   * {@code off} disables it), else {@code $XDG_CACHE_HOME/wnverify/proofs} or {@code
   * ~/.cache/wnverify/proofs}.
   */
  static ProofCache standard() {
    String configured = System.getProperty("wnverify.proof-cache");
    if (configured == null) {
      configured = System.getenv("WNVERIFY_PROOF_CACHE");
    }
    if (configured != null && !configured.isBlank()) {
      return configured.equalsIgnoreCase("off") ? NONE : directory(Path.of(configured));
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return directory(base.resolve("wnverify").resolve("proofs"));
  }

  static ProofCache directory(Path dir) {
    return new Directory(dir);
  }

  /** The content key of a problem proved with the given settings. */
  static String key(IdentityProblem p, long seed, int points, String symjaVersion) {
    StringBuilder b = new StringBuilder();
    b.append(REVISION).append('\n').append(symjaVersion).append('\n').append(seed).append('\n').append(points).append('\n');
    b.append(p.name()).append('\n').append(p.dimensions()).append('\n');
    p.steps().forEach(s -> b.append("step ").append(s).append('\n'));
    p.defects().forEach((k, v) -> b.append("defect ").append(k).append('\u0000').append(v).append('\n'));
    p.variables().forEach(v -> b.append("var ").append(v.name()).append(' ').append(v.lo()).append(' ').append(v.hi())
        .append('\n'));
    p.norms().forEach((k, v) -> b.append("norm ").append(k).append('=').append(v).append('\n'));
    p.spheres().forEach(sp -> b.append("sphere ").append(sp).append('\n'));
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One text file per proof: {@code field<TAB>escaped value} lines. */
  final class Directory implements ProofCache {
    private final Path dir;

    Directory(Path dir) {
      this.dir = dir;
    }

    @Override
    public Optional<IdentityProof> get(String key) {
      Path f = dir.resolve(key + ".proof");
      try {
        if (!Files.isRegularFile(f)) {
          return Optional.empty();
        }
        return Optional.of(decode(Files.readAllLines(f, StandardCharsets.UTF_8)));
      } catch (IOException | RuntimeException e) {
        return Optional.empty(); // unreadable or foreign content: recompute
      }
    }

    @Override
    public void put(String key, IdentityProof proof) {
      if (proof.verdict() == IdentityVerdict.UNKNOWN) {
        return;
      }
      try {
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, key, ".tmp");
        Files.writeString(tmp, encode(proof), StandardCharsets.UTF_8);
        try {
          Files.move(tmp, dir.resolve(key + ".proof"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, dir.resolve(key + ".proof"), StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException | RuntimeException e) {
        // a cache that cannot be written only costs time
      }
    }

    @Override
    public String toString() {
      return "proof cache in " + dir;
    }

    static String encode(IdentityProof p) {
      StringBuilder b = new StringBuilder();
      line(b, "format", REVISION);
      line(b, "name", p.name());
      line(b, "verdict", p.verdict().name());
      line(b, "dimensions", p.dimensions());
      line(b, "defect", p.defect());
      line(b, "points", Integer.toString(p.pointsChecked()));
      p.steps().forEach(s -> line(b, "step", s));
      p.witness().ifPresent(w -> {
        line(b, "witness.component", w.component());
        line(b, "witness.exact", w.exactValue());
        line(b, "witness.approx", Double.toString(w.approxValue()));
        w.point().forEach((k, v) -> line(b, "witness.point", k + "=" + v));
      });
      line(b, "checksum", sha256(b.toString()));
      return b.toString();
    }

    /**
     * A flipped bit or a truncated write can leave a file that still parses (a verdict or a defect
     * changed): the checksum of everything above it tells such an entry from a real proof, and the
     * entry is then recomputed rather than trusted.
     */
    static String sha256(String body) {
      try {
        byte[] h = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte x : h) {
          hex.append(String.format("%02x", x));
        }
        return hex.toString();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    static IdentityProof decode(List<String> lines) {
      if (lines.isEmpty() || !lines.get(lines.size() - 1).startsWith("checksum\t")) {
        throw new IllegalArgumentException("no checksum (truncated or foreign)");
      }
      String body = String.join("\n", lines.subList(0, lines.size() - 1)) + "\n";
      if (!lines.get(lines.size() - 1).substring("checksum\t".length()).equals(sha256(body))) {
        throw new IllegalArgumentException("checksum mismatch (corrupted)");
      }
      lines = lines.subList(0, lines.size() - 1);
      Map<String, String> one = new LinkedHashMap<>();
      List<String> steps = new ArrayList<>();
      Map<String, String> point = new LinkedHashMap<>();
      for (String l : lines) {
        int tab = l.indexOf('\t');
        if (tab < 0) {
          throw new IllegalArgumentException("bad line");
        }
        String k = l.substring(0, tab);
        String v = unescape(l.substring(tab + 1));
        switch (k) {
          case "step" -> steps.add(v);
          case "witness.point" -> {
            int eq = v.indexOf('=');
            point.put(v.substring(0, eq), v.substring(eq + 1));
          }
          default -> one.put(k, v);
        }
      }
      if (!REVISION.equals(one.get("format"))) {
        throw new IllegalArgumentException("other format");
      }
      Optional<Witness> w = one.containsKey("witness.component")
          ? Optional.of(new Witness(one.get("witness.component"), point, one.get("witness.exact"),
              Double.parseDouble(one.get("witness.approx"))))
          : Optional.empty();
      return new IdentityProof(one.get("name"), IdentityVerdict.valueOf(one.get("verdict")), one.get("dimensions"),
          one.get("defect"), w, steps, Integer.parseInt(one.get("points")));
    }

    private static void line(StringBuilder b, String k, String v) {
      b.append(k).append('\t').append(escape(v)).append('\n');
    }

    private static String escape(String s) {
      return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    }

    private static String unescape(String s) {
      StringBuilder b = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\\' && i + 1 < s.length()) {
          char n = s.charAt(++i);
          b.append(switch (n) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> n;
          });
        } else {
          b.append(c);
        }
      }
      return b.toString();
    }
  }
}
