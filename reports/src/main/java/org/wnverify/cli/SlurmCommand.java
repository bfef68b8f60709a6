package org.wnverify.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.wnverify.check.Claim;
import org.wnverify.check.catalogue.ClaimCatalogue;
import org.wnverify.check.run.Shard;
import org.wnverify.check.run.ShardPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code wnverify slurm --shards N}: the audit as a Slurm job array, one {@code audit --shard K/N}
 * per task, and a merge job that runs only when every task succeeded
 * ({@code --dependency=afterok:<array> --kill-on-invalid-dep=yes}: if a shard fails, Slurm
 * cancels the merge instead of leaving it pending forever). The batch scripts are written to
 * OUT/slurm/ first, so they can be read, edited and submitted by hand ({@code --dry-run}).
 *
 * <p>The jobs run a private copy of the jar and its libraries (OUT/slurm/app/), so rebuilding the
 * working tree while the array waits in the queue cannot mix two builds in one audit.
 */
@Command(name = "slurm", mixinStandardHelpOptions = true,
    header = "Submits the audit to Slurm as a job array of shards and a dependent merge job.",
    description = {
      "Submits the audit to Slurm: a job array of N 'audit --shard K/N' tasks writing OUT/shards/K/,",
      "and a merge job, dependent on all of them (afterok, --kill-on-invalid-dep=yes), writing the",
      "whole report to OUT/. The batch scripts go to OUT/slurm/ (with --dry-run: only that). Run it",
      "where sbatch works (a login node), from a directory the compute nodes see."
    })
final class SlurmCommand implements Callable<Integer> {
  @Mixin
  RunOptions options;

  @Option(names = "--only", paramLabel = "GLOB", split = ",",
      description = "Restrict the audit to claims matching these ids or globs, as for 'audit'.")
  List<String> only = List.of();

  @Option(names = "--shards", paramLabel = "N", required = true, description = "Number of array tasks (shards).")
  int shards;

  @Option(names = "--cpus-per-task", paramLabel = "C", defaultValue = "2",
      description = "CPUs of each shard task; its claims run on that many threads (default: ${DEFAULT-VALUE}).")
  int cpusPerTask;

  @Option(names = "--partition", paramLabel = "P", description = "sbatch --partition for both jobs.")
  String partition;

  @Option(names = "--account", paramLabel = "A", description = "sbatch --account for both jobs.")
  String account;

  @Option(names = "--time", paramLabel = "LIMIT",
      description = "sbatch --time of each job, e.g. 30:00 (default: the partition's).")
  String time;

  @Option(names = "--mem", paramLabel = "SIZE", description = "sbatch --mem of each shard task, e.g. 4G.")
  String mem;

  @Option(names = "--sbatch-option", paramLabel = "OPT",
      description = "Another #SBATCH option for both jobs, e.g. --sbatch-option=--qos=short (repeatable).")
  List<String> sbatchOptions = new ArrayList<>();

  @Option(names = "--setup", paramLabel = "LINE",
      description = "A shell line both jobs run before java, e.g. --setup 'module load java/17' (repeatable).")
  List<String> setup = new ArrayList<>();

  @Option(names = "--dry-run", description = "Write the scripts and print how to submit them; submit nothing.")
  boolean dryRun;

  @Option(names = "--sbatch", paramLabel = "CMD", defaultValue = "sbatch",
      description = "The sbatch program (default: ${DEFAULT-VALUE}).")
  String sbatch;

  /** Characters an #SBATCH line or a path in it cannot carry safely (Slurm does not unquote them). */
  private static final Pattern UNSAFE_IN_SBATCH = Pattern.compile("[\\s'\"%\\\\$`]");

  @Override
  public Integer call() throws IOException {
    options.validate("audit");
    if (shards < 1 || shards > Shard.MAX_COUNT) {
      throw new UsageException("--shards must be between 1 and " + Shard.MAX_COUNT + ", got " + shards);
    }
    if (cpusPerTask < 1 || cpusPerTask > 256) {
      throw new UsageException("--cpus-per-task must be between 1 and 256, got " + cpusPerTask);
    }
    ClaimCatalogue catalogue = ClaimCatalogue.standard();
    List<Claim> selected = Selection.select(catalogue, only);
    Path out = options.out.toAbsolutePath().normalize();
    if (UNSAFE_IN_SBATCH.matcher(out.toString()).find()) {
      throw new UsageException("--out " + out + ": Slurm's #SBATCH --output cannot take a path with spaces, quotes, "
          + "'%', '$' or backslashes; choose a plainer directory");
    }
    for (String o : sbatchOptions) {
      if (!o.startsWith("-") || o.contains("\n")) {
        throw new UsageException("--sbatch-option '" + o + "': expected one sbatch option such as --qos=short");
      }
    }
    Path shardsDir = out.resolve("shards");
    Path jobs = out.resolve("slurm").resolve("jobs.txt");
    if ((Files.exists(shardsDir) && !isEmptyDirectory(shardsDir)) || Files.exists(jobs)) {
      // Two submissions into one directory would mix their shards (or race on them).
      throw new UsageException(out + " was used by an earlier submission (" + (Files.exists(jobs) ? jobs : shardsDir)
          + "); remove it or choose another --out");
    }
    RunOptions.requireWritableDirectory(out, "--out");
    Path slurmDir = out.resolve("slurm");
    Files.createDirectories(slurmDir);
    Files.createDirectories(shardsDir);

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = privateClasspath(slurmDir.resolve("app"));
    Path shardScript = slurmDir.resolve("shard.sbatch");
    Path mergeScript = slurmDir.resolve("merge.sbatch");
    Path submitScript = slurmDir.resolve("submit.sh");
    writeScript(shardScript, shardScript(java, classpath, out));
    writeScript(mergeScript, mergeScript(java, classpath, out));
    writeScript(submitScript, submitScript(shardScript, mergeScript));

    ShardPlan plan = ShardPlan.of(selected.stream().map(c -> c.id().toString()).toList(), shards);
    double[] expected = plan.expectedSeconds();
    double longest = 0;
    for (double e : expected) {
      longest = Math.max(longest, e);
    }
    System.out.printf(Locale.ROOT, "%d claims in %d shards (longest shard about %.1f s in a quick audit on one core)%n",
        selected.size(), shards, longest);
    if (shards > selected.size()) {
      System.out.println("note: more shards than claims; " + (shards - selected.size()) + " shard(s) will have nothing to do");
    }
    System.out.println("scripts: " + shardScript + ", " + mergeScript);
    if (dryRun) {
      System.out.println("submit with: bash " + submitScript);
      return ExitCodes.PASSED;
    }
    String array = submit(List.of(sbatch, "--parsable", shardScript.toString()), "the shard array");
    String merge;
    try {
      merge = submit(List.of(sbatch, "--parsable", "--dependency=afterok:" + array, "--kill-on-invalid-dep=yes",
          mergeScript.toString()), "the merge job");
    } catch (UsageException e) {
      throw new UsageException(e.getMessage() + "; the shard array " + array + " is already queued (scancel " + array
          + " to drop it, or submit " + mergeScript + " by hand)");
    }
    Files.writeString(slurmDir.resolve("jobs.txt"), "array " + array + "\nmerge " + merge + "\n", StandardCharsets.UTF_8);
    System.out.println("submitted: array job " + array + " (" + shards + " shards), merge job " + merge
        + " (runs when every shard succeeded)");
    System.out.println("watch: squeue -j " + array + "," + merge + "   logs: " + slurmDir + "/*.log");
    System.out.println("report: " + out.resolve("report.md") + " when job " + merge + " has finished. If a shard fails, "
        + "Slurm cancels the merge; 'wnverify merge " + shardsDir + "/* --out " + out + "' then says which.");
    return ExitCodes.PASSED;
  }

  private String shardScript(String java, String classpath, Path out) {
    StringBuilder sb = new StringBuilder("#!/bin/bash\n");
    sb.append("#SBATCH --job-name=wnverify-shard\n");
    sb.append("#SBATCH --array=1-").append(shards).append('\n');
    sb.append("#SBATCH --ntasks=1\n");
    sb.append("#SBATCH --cpus-per-task=").append(cpusPerTask).append('\n');
    sb.append("#SBATCH --output=").append(out.resolve("slurm")).append("/shard-%a.log\n");
    if (mem != null) {
      sb.append("#SBATCH --mem=").append(mem).append('\n');
    }
    commonHeader(sb);
    sb.append("# Written by 'wnverify slurm': task K runs 'audit --shard K/").append(shards).append("' into ")
        .append(out.resolve("shards")).append("/K.\n");
    sb.append("# Rerun one failed shard: sbatch --array=K ").append(out.resolve("slurm/shard.sbatch")).append('\n');
    sb.append("set -u\n");
    setup.forEach(line -> sb.append(line).append('\n'));
    sb.append("k=\"${SLURM_ARRAY_TASK_ID:?this script runs as a Slurm array task}\"\n");
    sb.append("status=0\n");
    sb.append(quote(java)).append(" ${WNVERIFY_JAVA_OPTS:-} -cp ").append(quote(classpath))
        .append(" org.wnverify.cli.WnVerify audit");
    for (String a : auditArguments()) {
      sb.append(' ').append(quote(a));
    }
    sb.append(" --threads ").append(options.threads != null ? String.valueOf(options.threads)
        : "\"${SLURM_CPUS_PER_TASK:-1}\"");
    sb.append(" --shard \"$k/").append(shards).append("\" --out ").append(quote(out.resolve("shards").toString()))
        .append("/\"$k\" || status=$?\n");
    sb.append("# 0: every claim passed; 1: some claim failed, a finding the report records and the merge carries.\n");
    sb.append("# Both are a finished shard. Anything else (usage error, crash, time limit) fails the task, and\n");
    sb.append("# Slurm then cancels the merge job.\n");
    sb.append("if [ \"$status\" -gt 1 ]; then exit \"$status\"; fi\n");
    sb.append("exit 0\n");
    return sb.toString();
  }

  private String mergeScript(String java, String classpath, Path out) {
    StringBuilder sb = new StringBuilder("#!/bin/bash\n");
    sb.append("#SBATCH --job-name=wnverify-merge\n");
    sb.append("#SBATCH --ntasks=1\n");
    sb.append("#SBATCH --cpus-per-task=1\n");
    sb.append("#SBATCH --output=").append(out.resolve("slurm")).append("/merge.log\n");
    commonHeader(sb);
    sb.append("# Written by 'wnverify slurm': merges the ").append(shards).append(" shard reports into ").append(out)
        .append(".\n");
    sb.append("# Submitted with --dependency=afterok:<array> --kill-on-invalid-dep=yes (see submit.sh).\n");
    sb.append("set -u\n");
    setup.forEach(line -> sb.append(line).append('\n'));
    sb.append("shards=()\n");
    sb.append("for k in $(seq 1 ").append(shards).append("); do shards+=(").append(quote(out.resolve("shards").toString()))
        .append("/\"$k\"); done\n");
    sb.append("exec ").append(quote(java)).append(" ${WNVERIFY_JAVA_OPTS:-} -cp ").append(quote(classpath))
        .append(" org.wnverify.cli.WnVerify merge \"${shards[@]}\" --out ").append(quote(out.toString())).append('\n');
    return sb.toString();
  }

  private static String submitScript(Path shardScript, Path mergeScript) {
    return "#!/bin/bash\n"
        + "# Written by 'wnverify slurm': submits the shard array, then the merge job, which runs only when\n"
        + "# every shard succeeded; if one fails, Slurm cancels the merge (--kill-on-invalid-dep=yes).\n"
        + "set -euo pipefail\n"
        + "array=$(sbatch --parsable " + quote(shardScript.toString()) + ")\n"
        + "array=${array%%;*}\n"
        + "merge=$(sbatch --parsable --dependency=afterok:\"$array\" --kill-on-invalid-dep=yes "
        + quote(mergeScript.toString()) + ")\n"
        + "merge=${merge%%;*}\n"
        + "echo \"array job $array, merge job $merge\"\n";
  }

  private void commonHeader(StringBuilder sb) {
    if (partition != null) {
      sb.append("#SBATCH --partition=").append(partition).append('\n');
    }
    if (account != null) {
      sb.append("#SBATCH --account=").append(account).append('\n');
    }
    if (time != null) {
      sb.append("#SBATCH --time=").append(time).append('\n');
    }
    sbatchOptions.forEach(o -> sb.append("#SBATCH ").append(o).append('\n'));
  }

  /** The audit options of this run, absolute paths, as every shard gets them. */
  private List<String> auditArguments() {
    List<String> a = new ArrayList<>(List.of("--seed", String.valueOf(options.seed), "--samples",
        String.valueOf(options.samples), "--profile", options.profile.name()));
    if (options.budget != null) {
      a.addAll(List.of("--budget", String.valueOf(options.budget)));
    }
    if (!only.isEmpty()) {
      a.addAll(List.of("--only", String.join(",", only)));
    }
    if (options.instance != null) {
      a.addAll(List.of("--instance", options.instance.toAbsolutePath().normalize().toString()));
    }
    if (options.saveInstances != null) {
      a.addAll(List.of("--save-instances", options.saveInstances.toAbsolutePath().normalize().toString()));
    }
    return a;
  }

  /**
   * The class path the jobs use. Run from the jar (the launcher), the jar and its lib/ are copied
   * to {@code app}; otherwise (tests, an IDE) the current class path, made absolute.
   */
  private static String privateClasspath(Path app) throws IOException {
    String[] entries = System.getProperty("java.class.path").split(Pattern.quote(File.pathSeparator));
    if (entries.length == 1 && entries[0].endsWith(".jar")) {
      Path jar = Path.of(entries[0]).toAbsolutePath().normalize();
      Path lib = jar.resolveSibling("lib");
      if (Files.isDirectory(lib)) {
        Files.createDirectories(app.resolve("lib"));
        Path copy = app.resolve(jar.getFileName());
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> libs = Files.list(lib)) {
          for (Path f : (Iterable<Path>) libs::iterator) {
            Files.copy(f, app.resolve("lib").resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
          }
        }
        return copy.toString();
      }
    }
    List<String> abs = new ArrayList<>();
    for (String e : entries) {
      if (!e.isEmpty()) {
        abs.add(Path.of(e).toAbsolutePath().normalize().toString());
      }
    }
    return String.join(File.pathSeparator, abs);
  }

  private String submit(List<String> command, String what) throws IOException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UsageException("cannot run '" + command.get(0) + "' to submit " + what + " (" + e.getMessage()
          + "); is this a Slurm login node? --dry-run writes the scripts without submitting");
    }
    String output;
    try {
      output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new UsageException(command.get(0) + " did not answer within 120 s while submitting " + what);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UsageException("interrupted while submitting " + what);
    }
    // --parsable prints "jobid" or "jobid;cluster" (possibly after warnings on earlier lines).
    String[] lines = output.split("\n");
    String last = lines[lines.length - 1].strip();
    String id = last.split(";")[0];
    if (p.exitValue() != 0 || !id.matches("\\d+")) {
      throw new UsageException(command.get(0) + " refused " + what + " (status " + p.exitValue() + "): "
          + output.replace('\n', ' '));
    }
    return id;
  }

  private static void writeScript(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: sbatch reads the script anyway.
    }
  }

  private static boolean isEmptyDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  /** POSIX shell single-quoting. */
  static String quote(String s) {
    return s.matches("[A-Za-z0-9_./:=,+@%-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
