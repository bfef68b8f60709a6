package org.wnverify.symbolic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SymbolicEngineTest {
  @Test
  void evaluatesWithoutExposingSymja() {
    try (SymbolicEngine e = SymbolicEngine.create()) {
      Expression d = e.evaluate("D(x^L/L, x)", Duration.ofSeconds(30));
      assertThat(d.text()).isEqualTo("x^(-1+L)");
      assertThat(d.tree()).isInstanceOf(Node.Apply.class);
      assertThat(e.evaluate("x - x", Duration.ofSeconds(30)).isZero()).isTrue();
    }
  }

  @Test
  void allWorkRunsOnOneThreadWhateverTheCaller() throws Exception {
    try (SymbolicEngine e = SymbolicEngine.create()) {
      ExecutorService callers = Executors.newFixedThreadPool(4);
      try {
        List<Future<String>> names = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
          int k = i;
          names.add(callers.submit(() -> e.submit(s -> {
            s.eval("Expand((x+" + k + ")^3)");
            return Thread.currentThread().getName();
          }, Duration.ofSeconds(30))));
        }
        for (Future<String> f : names) {
          assertThat(f.get()).isEqualTo("wnverify-symja");
        }
      } finally {
        callers.shutdownNow();
      }
    }
  }

  @Test
  void timeoutIsReportedAndTheEngineRecovers() {
    try (SymbolicEngine e = SymbolicEngine.create()) {
      e.evaluate("1+1", Duration.ofSeconds(30)); // warm up, so the timeout below hits real work
      assertThatThrownBy(() -> e.evaluate("Expand((a+b+c+d+f+g)^40)", Duration.ofMillis(1)))
          .isInstanceOfSatisfying(SymbolicException.class, x -> assertThat(x.code()).isEqualTo(SymbolicError.TIMEOUT));
      assertThat(e.evaluate("2+2", Duration.ofSeconds(60)).text()).isEqualTo("4");
    }
  }

  @Test
  void cachedComputesOnce() {
    try (SymbolicEngine e = SymbolicEngine.create()) {
      AtomicInteger calls = new AtomicInteger();
      for (int i = 0; i < 3; i++) {
        assertThat(e.<Integer>cached("k", calls::incrementAndGet)).isEqualTo(1);
      }
      assertThat(calls.get()).isEqualTo(1);
    }
  }
}
