package org.wnverify.check.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wnverify.check.instance.InputFileException;
import org.wnverify.check.problem.FieldReader;
import org.wnverify.check.problem.ProblemFamily;

/**
 * The instance-file section of a proof step's sampled state:
 *
 * <pre>{ "format": "wnverify-instance/2", "problem": "proof-step-point", "step": "wu/theorem-2.6#step-9",
 *   "values": [ {"name": "n", "value": [2]}, {"name": "A", "value": [1, 0, 0, 0, 1, 0]}, ... ] }</pre>
 *
 * Every value is written as an array (a scalar as one entry; a matrix row by row, its shape among
 * the other values), in the order the proof introduces its symbols, so a point reads back bit for
 * bit. No shrinking here: the step shrinks its own points, re-checking its assumptions.
 */
public final class StepPointFamily implements ProblemFamily<StepInstance> {
  public static final StepPointFamily INSTANCE = new StepPointFamily();

  private StepPointFamily() {}

  @Override
  public String name() {
    return "proof-step-point";
  }

  @Override
  public String description() {
    return "a sampled state of one displayed proof step: the step's id and its named values";
  }

  @Override
  public Class<StepInstance> type() {
    return StepInstance.class;
  }

  @Override
  public List<String> fields() {
    return List.of("step", "values");
  }

  @Override
  public StepInstance read(FieldReader f) throws InputFileException {
    String step = f.text("step");
    StepPoint.Builder b = StepPoint.builder();
    for (FieldReader v : f.objects("values")) {
      v.requireOnly(java.util.Set.of("name", "value"));
      b.put(v.text("name"), v.vector("value"));
    }
    return new StepInstance(step, b.build());
  }

  @Override
  public Map<String, Object> write(StepInstance s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("step", s.step());
    List<Map<String, Object>> values = new ArrayList<>();
    s.point().asMap().forEach((name, value) -> {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", name);
      e.put("value", value instanceof List<?> l ? l : List.of(value));
      values.add(e);
    });
    m.put("values", values);
    return m;
  }
}
