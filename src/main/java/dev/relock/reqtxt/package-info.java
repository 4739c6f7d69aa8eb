/**
 * pip's requirements-file format: reading {@code requirements.in}-style files
 * ({@link dev.relock.reqtxt.RequirementsFileReader} → {@link dev.relock.reqtxt.RequirementsFile}) and
 * reading/writing pip-compile lockfiles ({@link dev.relock.reqtxt.LockfileReader},
 * {@link dev.relock.reqtxt.LockfileWriter}, {@link dev.relock.reqtxt.Lockfile}).
 *
 * <p>Traps of the format, all reproduced here:
 * <ul>
 *   <li>A comment starts at {@code #} at the line start or after whitespace only;
 *       {@code pkg @ https://host/x#egg=y} keeps its fragment.</li>
 *   <li>A line ending in a backslash continues on the next line unless the line <em>starts</em> with
 *       a comment; {@code pkg  # note \} therefore swallows the next line into its comment.
 *       A continuation at the end of the file is an error here (pip silently drops it).</li>
 *   <li>Continuations are joined before comments are stripped and before {@code ${VAR}} expansion;
 *       only {@code ${NAME}} with upper-case letters, digits and {@code _} is expanded, unknown
 *       names stay literal. Error columns still point into the original physical line
 *       (code points, 1-based); expanded text maps to the {@code $}.</li>
 *   <li>A line is split at the first space-separated word starting with {@code -}: the part before
 *       is the requirement, the rest are options ({@code --hash}, {@code --config-settings},
 *       {@code --global-option} per requirement; global options on their own lines).</li>
 *   <li>{@code -r}/{@code -c} paths are relative to the including file, but requirement paths
 *       ({@code ./pkg}) are relative to the working directory; they are kept verbatim.</li>
 *   <li>A URL requirement's marker follows {@code "; "} (semicolon and space), a path's follows
 *       {@code ";"}; everything else is PEP 508.</li>
 *   <li>pip-compile pads line-style annotations to 24 code points, prints a warning above every
 *       unhashed pin in a hashed file, sorts editables first, and writes {@code "\n"} for an empty
 *       result.</li>
 * </ul>
 */
package dev.relock.reqtxt;
