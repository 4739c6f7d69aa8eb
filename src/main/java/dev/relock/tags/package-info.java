/**
 * Wheel compatibility tags (PEP 425, PEP 600 manylinux, PEP 656 musllinux) and the
 * {@link dev.relock.tags.Target} a lock is resolved for.
 *
 * <p>Entry points: {@link dev.relock.tags.Tag#parseCompressed(String)},
 * {@link dev.relock.tags.PythonVersion#parse(String)}, {@link dev.relock.tags.TargetPlatform#parse(String)}
 * and {@link dev.relock.tags.Target#compatibleTags()} / {@link dev.relock.tags.Target#priority()}
 * / {@link dev.relock.tags.Target#markerValues()}.
 *
 * <p>Traps of the standards, and what this package decides:
 * <ul>
 *   <li>A tag part may be a compressed set ({@code py2.py3-none-any}); expand it before matching,
 *       never compare the raw string. Tags compare case-insensitively; they are stored lower-cased.
 *   <li>Tag order is a preference order, copied from {@code packaging.tags.sys_tags()}: the
 *       interpreter-specific ABI beats {@code abi3}, which beats {@code none}; older
 *       {@code cp3N-abi3} come after all {@code cpXY} tags; pure-Python platform tags come before
 *       {@code -any}; within each group platforms are ordered best (newest) first.
 *   <li>manylinux: {@code manylinux_2_N} is compatible with every glibc {@code >= 2.N}; the legacy
 *       names {@code manylinux2014/2010/1} are aliases of 2.17/2.12/2.5 and are listed directly
 *       after them. x86_64 goes down to glibc 2.5, aarch64 to 2.17 (older aarch64 tags do not
 *       exist). A glibc target never accepts musllinux wheels and vice versa; both accept
 *       {@code linux_<arch>} last, as packaging does.
 *   <li>macOS from 11 on bumps the major version each year, so only {@code macosx_<major>_0}
 *       tags are generated (as in packaging); arm64 also accepts {@code universal2} wheels tagged
 *       10.4 to 10.16; x86_64 accepts {@code intel}, {@code fat64}, {@code fat32}, {@code universal2}
 *       and {@code universal}.
 *   <li>The target describes the oldest machine the lock must run on: defaults are glibc 2.17,
 *       musl 1.2 and macOS 13.0 (uv's choices), so a wheel needing glibc 2.28 is not compatible
 *       with the default Linux target.
 *   <li>Marker values: {@code platform_machine} is {@code x86_64}/{@code aarch64} on Linux,
 *       {@code arm64}/{@code x86_64} on macOS, and {@code AMD64}/{@code ARM64}/{@code x86} on
 *       Windows, as CPython reports them. {@code platform_release} and {@code platform_version}
 *       are machine-specific and left empty.
 *   <li>Python versions are {@code X.Y} or {@code X.Y.Z}; pre-releases ({@code 3.13.0rc1}) and
 *       free-threaded builds ({@code 3.13t}) are rejected rather than half-supported. Without a
 *       micro version {@code python_full_version} is {@code X.Y.0}.
 * </ul>
 */
package dev.relock.tags;
