package org.wnverify.symbolic.prove;

import java.util.List;

/**
 * A hypothesis ||(coords)|| = radius of an identity (e.g. ||u|| = 1 in Chou et al., ||v|| = 1 in
 * the EWN paper, ||w|| = 1 in Wu et al.), imposed after differentiating: the defect is written
 * with every coordinate free, and
 *
 * <ul>
 *   <li>the symbolic step rewrites every power of the sum of squares S of the coordinates as the
 *       same power of radius^2 (S^q -> radius^(2q)); a defect that then simplifies to 0 is 0 at
 *       every point of the sphere, where the rewrite does not change its value;
 *   <li>random points are drawn exactly on the sphere: rational points by inverse stereographic
 *       projection, u_i = 2 t_i/(1 + |t|^2) (i < n), u_n = (1 - |t|^2)/(1 + |t|^2), times the
 *       radius, with rational t (so no square root is left to evaluate).
 * </ul>
 *
 * @param coords the coordinates, in order
 * @param radius an exact positive rational, e.g. "1" or "2"
 * @param positive true to draw only points with every coordinate > 0 (the positive orthant part
 *     of the sphere); false to draw from the whole sphere
 */
public record Sphere(List<String> coords, String radius, boolean positive) {
  public Sphere {
    coords = List.copyOf(coords);
    if (coords.size() < 2) {
      throw new IllegalArgumentException("a sphere needs at least two coordinates");
    }
    if (!radius.matches("[0-9]+(/[0-9]+)?")) {
      throw new IllegalArgumentException("radius must be an exact positive rational: " + radius);
    }
  }

  public static Sphere unit(List<String> coords, boolean positive) {
    return new Sphere(coords, "1", positive);
  }
}
