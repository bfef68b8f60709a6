package org.wnverify.check;

import java.util.Objects;

/**
 * The descriptive half of a claim (id, where it is printed, the statement, the kind of evidence),
 * so that each family of claims only writes its check.
 */
public abstract class DescribedClaim implements Claim {
  private final ClaimId id;
  private final String location;
  private final String statement;
  private final ClaimKind kind;

  protected DescribedClaim(ClaimId id, String location, String statement, ClaimKind kind) {
    this.id = Objects.requireNonNull(id);
    this.location = Objects.requireNonNull(location);
    this.statement = Objects.requireNonNull(statement);
    this.kind = Objects.requireNonNull(kind);
  }

  @Override
  public final ClaimId id() {
    return id;
  }

  @Override
  public final String location() {
    return location;
  }

  @Override
  public final String statement() {
    return statement;
  }

  @Override
  public final ClaimKind kind() {
    return kind;
  }
}
