package org.wnverify.check.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wnverify.check.Claim;
import org.wnverify.check.catalogue.ClaimCatalogue;

/** Issue 20: the index of proof steps and the catalogue agree both ways, and docs/proof-steps.md is the index. */
class ProofStepIndexTest {
  /** The first line of Wu et al.'s Appendix D in 001_b498c678a289d7b1.txt ("D Beyond Linear Regression"). */
  static final int WU_APPENDIX_D = 594;

  @Test
  void everyIndexedClaimExistsAndEveryCatalogueStepIsIndexed() {
    Set<String> catalogue = ClaimCatalogue.standard().all().stream().map(c -> c.id().toString()).collect(Collectors.toSet());
    List<ProofStepIndex.Row> rows = ProofStepIndex.rows();
    Set<String> indexed = rows.stream().flatMap(r -> r.claim().stream()).collect(Collectors.toSet());
    assertThat(catalogue).containsAll(indexed);
    List<String> steps = ClaimCatalogue.standard().all().stream().map(Claim::id).map(Object::toString)
        .filter(id -> id.contains("#step-") || id.contains("#eq-")).toList();
    assertThat(indexed).containsAll(steps);
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.file()).as(r.display()).isIn(ProofStepIndex.CHOU, ProofStepIndex.WU, EwnStepRows.EWN);
      assertThat(r.lines()).as(r.display()).matches("\\d+(-\\d+)?");
      assertThat(r.display()).isNotBlank();
    });
    assertThat(rows).filteredOn(r -> r.file().equals(ProofStepIndex.CHOU)
            || (r.file().equals(ProofStepIndex.WU) && r.firstLine() < WU_APPENDIX_D))
        .as("every display of the Chou proofs and Wu's Appendices B, C has a claim")
        .allSatisfy(r -> assertThat(r.claim()).as(r.display()).isPresent());
    // Appendices D and E (issue 20, second part): every display has a row; one without a claim says why
    assertThat(rows).filteredOn(r -> r.file().equals(ProofStepIndex.WU) && r.firstLine() >= WU_APPENDIX_D && r.claim().isEmpty())
        .as("a display of Wu's Appendices D, E without a claim gives its reason").allSatisfy(r -> assertThat(r.remark())
            .as(r.display()).isNotBlank().doesNotStartWith("symbolic").doesNotStartWith("sampled"));
    assertThat(rows).filteredOn(r -> r.file().equals(ProofStepIndex.WU) && r.firstLine() >= WU_APPENDIX_D)
        .as("rows of Appendices D and E").hasSizeGreaterThanOrEqualTo(100);
  }

  @Test
  void theDocumentIsTheIndex() throws Exception {
    Path doc = ProofStepIndex.repositoryRoot().resolve("docs/proof-steps.md");
    if (Boolean.getBoolean("wnverify.writeDocs")) {
      Files.writeString(doc, ProofStepIndex.markdown());
    }
    assertThat(doc).exists();
    assertThat(Files.readString(doc)).as("docs/proof-steps.md is stale: run ProofStepIndex.main").isEqualTo(ProofStepIndex.markdown());
  }
}
