/**
 * Project and extra names (PEP 508 grammar, PEP 503 and PEP 685 normalization).
 *
 * <p>Traps this package handles:
 * <ul>
 *   <li>Names compare after normalization only: {@code Foo.Bar}, {@code foo-bar} and
 *       {@code FOO__bar} are one project; never compare raw strings.</li>
 *   <li>Only ASCII letters and digits are allowed, and separators ({@code -_.}) may not start or
 *       end a name; case folding is ASCII-only (no locale, no Unicode folding of {@code İ}).</li>
 *   <li>Wheel and {@code .dist-info} file names use {@code _} instead of {@code -}
 *       ({@link dev.relock.name.PackageName#distInfoName()}).</li>
 *   <li>Extras are normalized exactly like project names since PEP 685.</li>
 * </ul>
 */
package dev.relock.name;
