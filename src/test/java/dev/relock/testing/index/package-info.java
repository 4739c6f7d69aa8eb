/**
 * A real local package index for relock's integration tests and benchmarks (no public index is
 * reachable from the build machines).
 *
 * <ul>
 *   <li>{@link dev.relock.testing.index.Scenario}: immutable projects → releases → files, via a DSL;
 *       {@link dev.relock.testing.index.ScenarioJson} reads and writes it as JSON;
 *       {@link dev.relock.testing.index.SyntheticIndex} generates PyPI-shaped ones from a seed.</li>
 *   <li>{@link dev.relock.testing.index.Distributions}: real wheels and sdists with deterministic bytes.</li>
 *   <li>{@link dev.relock.testing.index.LocalIndexServer}: PEP 503/691/658/700 server with switches,
 *       fault injection and a request log; {@link dev.relock.testing.index.LocalIndexServerMain} serves
 *       one from the command line.</li>
 * </ul>
 *
 * <p>Traps this code keeps in mind:
 * <ul>
 *   <li>URLs use the PEP 503 normalized name ({@code foo-bar}); file names use the escaped form
 *       ({@code foo_bar}); METADATA keeps the display name. Wheel versions escape {@code -} as {@code _}.</li>
 *   <li>HTML attributes are HTML-escaped ({@code data-requires-python="&gt;=3.8"}); {@code data-yanked}
 *       is present (possibly empty) exactly when yanked; JSON {@code yanked} is {@code false}, {@code true}
 *       or the reason string.</li>
 *   <li>HTML hrefs are relative to the page ({@code ../../files/…}); JSON URLs are absolute, like PyPI's.</li>
 *   <li>PEP 714 renamed {@code data-dist-info-metadata} to {@code data-core-metadata}; both are emitted,
 *       only for wheels, like PyPI.</li>
 *   <li>RECORD digests are URL-safe base64 without padding; RECORD's own line has empty hash and size.</li>
 *   <li>The JDK zip writer turns {@code ZipEntry.setTime} into DOS time in the local time zone; entries use
 *       {@code setTimeLocal} so bytes do not depend on the machine's zone.</li>
 *   <li>JDK HTTP clients retry an idempotent request once when a connection closes before the response,
 *       so a connection-reset fault must be armed twice to be seen by them.</li>
 * </ul>
 */
package dev.relock.testing.index;
