package org.wnverify.check.ewn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.wnverify.check.instance.InputFileException;
import org.wnverify.check.instance.InstanceFiles;
import org.wnverify.check.problem.ProblemFamilies;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.NetworkInstance;

class EwnNetworkFamilyTest {
  @Test
  void registeredAndRoundTrips() throws Exception {
    assertThat(ProblemFamilies.byName("ewn-network")).containsSame(EwnNetworkFamily.INSTANCE);
    for (var s : NetworkSampler.generic(new SplittableRandom(3), 6)) {
      String json = new ObjectMapper().writeValueAsString(InstanceFiles.toJson(s.instance()));
      NetworkInstance back = (NetworkInstance) InstanceFiles.parse("t.json", json);
      assertThat(back).isEqualTo(s.instance());
    }
    var lin = NetworkSampler.linSep(new SplittableRandom(4), 1, 8, LossFunction.CROSS_ENTROPY).get(0).instance();
    String json = new ObjectMapper().writeValueAsString(InstanceFiles.toJson(lin));
    assertThat(InstanceFiles.parse("t.json", json)).isEqualTo(lin);
    assertThat(EwnNetworkFamily.INSTANCE.simpler(lin)).isNotEmpty().doesNotContain(lin);
  }

  @Test
  void malformedSectionsNameTheField() throws Exception {
    var inst = NetworkSampler.generic(new SplittableRandom(3), 3).get(2).instance();
    String good = new ObjectMapper().writeValueAsString(InstanceFiles.toJson(inst));
    assertThatThrownBy(() -> InstanceFiles.parse("t.json", good.replace("\"exponential\"", "\"hinge\"")))
        .isInstanceOf(InputFileException.class).hasMessageContaining("loss");
    assertThatThrownBy(() -> InstanceFiles.parse("t.json", good.replace("\"initial_weights\":[", "\"initial_weights\":[1.0,")))
        .isInstanceOf(InputFileException.class).hasMessageContaining("initial_weights");
    assertThatThrownBy(() -> InstanceFiles.parse("t.json", good.replace("\"classes\":2", "\"classes\":2,\"extra\":1")))
        .isInstanceOf(InputFileException.class).hasMessageContaining("extra");
  }
}
