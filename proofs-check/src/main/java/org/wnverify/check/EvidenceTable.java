package org.wnverify.check;

import java.util.List;

/**
 * A small table of measurements, e.g. the drift of an invariant at each integrator tolerance.
 * Cells are numbers or strings; every row has as many cells as there are columns.
 */
public record EvidenceTable(String title, List<String> columns, List<List<Object>> rows) {
  public EvidenceTable {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("row " + row + " does not match columns " + columns);
      }
    }
  }
}
