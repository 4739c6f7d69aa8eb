/**
 * Distribution file names: wheels (PEP 427/491) and source distributions (PEP 625 and legacy).
 *
 * <p>Entry point: {@link dev.relock.filename.DistFilename#parse(String, dev.relock.name.PackageName)}.
 *
 * <p>Traps:
 * <ul>
 *   <li>Wheel names escape {@code -} as {@code _}, so a wheel name has exactly 5 or 6
 *       dash-separated parts; the 6-part form carries a build tag that must start with a digit and
 *       sorts as (number, rest), a missing build tag sorting first.
 *   <li>Tag parts are compressed sets ({@code py2.py3-none-any},
 *       {@code manylinux_2_17_x86_64.manylinux2014_x86_64}); compatibility means any expanded tag
 *       fits the target.
 *   <li>Sdist names before PEP 625 kept dashes and dots in the project name
 *       ({@code python-dateutil-2.8.2.tar.gz}, {@code zope.interface-6.1.tar.gz}); without the
 *       expected project name the split is a guess (last dash). Parse with the expected name.
 *   <li>Only {@code .tar.gz} and {@code .zip} sdists are standard; {@code .tgz}, {@code .tar.bz2},
 *       {@code .tar.xz} and {@code .tar} are recognised as legacy ({@link dev.relock.filename.SdistFormat#isStandard()}).
 *       Eggs, {@code .exe} and {@code .rpm} installers are rejected.
 *   <li>{@code toString()} returns the file name exactly as given, because it is part of the
 *       download URL and the hash lines.
 * </ul>
 */
package dev.relock.filename;
