/**
 * Sets of ordered values written as unions of intervals, independent of any version scheme.
 *
 * <p>{@link dev.relock.ranges.Ranges} is the set algebra the solver and the version layers share.
 * Traps it handles:
 * <ul>
 *   <li>The value order is treated as dense: {@code (1, 2)} is a non-empty set even for integers,
 *       because between two versions there may always be another ({@code 1 < 1.post0 < 2}).</li>
 *   <li>Canonical form: segments are sorted, non-empty, disjoint and never touching
 *       ({@code [1,2) ∪ [2,3)} becomes {@code [1,3)}), so equal sets are equal objects and can be
 *       used as map keys.</li>
 *   <li>Bound order differs by side: as a lower end {@code [v} comes before {@code (v}, as an upper
 *       end {@code v)} comes before {@code v]}.</li>
 * </ul>
 */
package dev.relock.ranges;
