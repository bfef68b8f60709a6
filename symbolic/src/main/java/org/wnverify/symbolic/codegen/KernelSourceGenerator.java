package org.wnverify.symbolic.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.wnverify.symbolic.Expression;
import org.wnverify.symbolic.SymbolicEngine;
import org.wnverify.symbolic.derive.IdentityReport;
import org.wnverify.symbolic.derive.SymbolicIdentities;

/**
 * Build-time entry point (numeric/pom.xml, generate-sources): derives the scalar maps with Symja,
 * proves the loop templates against the full symbolic expressions, and writes the kernel
 * sources. Refuses to write anything if the template proof does not hold, so a wrong template
 * fails the build instead of producing plausible numbers.
 */
public final class KernelSourceGenerator {
  private KernelSourceGenerator() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: KernelSourceGenerator <output source root>");
    }
    SymbolicEngine engine = SymbolicEngine.create();
    try {
      IdentityReport templates = SymbolicIdentities.kernelTemplates(engine);
      if (!templates.proof().holds()) {
        throw new IllegalStateException("kernel templates not verified: " + templates.proof().verdict() + " "
            + templates.proof().witness().map(Object::toString).orElse(templates.proof().defect()));
      }
      write(KernelMaps.derive(engine), Path.of(args[0]));
    } finally {
      engine.close();
    }
  }

  /** Writes every kernel under {@code root/org/wnverify/numeric/generated}; returns the directory. */
  public static Path write(Map<ScalarMap, Expression> maps, Path root) throws IOException {
    Path dir = root.resolve(KernelSources.PACKAGE.replace('.', '/'));
    Files.createDirectories(dir);
    for (Map.Entry<String, String> e : KernelSources.render(maps).entrySet()) {
      Path f = dir.resolve(e.getKey() + ".java");
      // Unchanged content is not rewritten, so incremental builds do not recompile for nothing.
      byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
      if (!Files.exists(f) || !java.util.Arrays.equals(Files.readAllBytes(f), bytes)) {
        Files.write(f, bytes);
      }
    }
    return dir;
  }
}
