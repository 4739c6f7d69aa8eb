/**
 * PEP 508 dependency specifiers ({@link dev.relock.pep508.Requirement}) and environment markers
 * ({@link dev.relock.pep508.MarkerTree}, evaluated against a
 * {@link dev.relock.pep508.MarkerEnvironment}), following pypa/packaging, which is what pip uses.
 *
 * <p>Traps of the standard, and how this package handles them:
 * <ul>
 *   <li>Markers compare as PEP 440 versions only for {@code python_version},
 *       {@code python_full_version}, {@code implementation_version} and {@code platform_release},
 *       and only when operator and value form a valid specifier; so {@code python_version > "3.10"}
 *       is numeric while {@code os_name < "z"} is a string comparison. packaging's string rules are
 *       odd but followed: {@code <} and {@code >} are always false, {@code <=} and {@code >=} mean
 *       equality, and an environment value that is not a version (a Linux
 *       {@code platform_release} like {@code 5.15.0-91-generic}) makes every version comparison
 *       false, {@code !=} included.</li>
 *   <li>Operands may be reversed ({@code "3.8" <= python_version}); the literal is then the
 *       candidate version and the environment value the specifier's version.</li>
 *   <li>{@code ~=} and {@code ===} on strings are undefined: evaluation throws
 *       {@link dev.relock.pep508.MarkerEvaluationException}, as packaging does.</li>
 *   <li>Extra names are compared PEP 685-normalized; marker values compared with {@code extra} are
 *       normalized when parsed and printed that way ({@code extra == "b-c"}).</li>
 *   <li>Legacy variable spellings {@code os.name}, {@code sys.platform}, {@code platform.version},
 *       {@code platform.machine}, {@code platform.python_implementation} and
 *       {@code python_implementation} are accepted and printed canonically. The PEP 751 lock-file
 *       variables {@code extras} and {@code dependency_groups} are not accepted.</li>
 *   <li>Quoted values are decoded as Python string literals (packaging uses
 *       {@code ast.literal_eval}), so backslash escapes work and {@code "C:\"} is invalid.</li>
 *   <li>Deliberate strictness beyond packaging: a comparison must have exactly one variable and
 *       one quoted string ({@code extra == os_name} and {@code "a" == "b"} are rejected; packaging
 *       parses them but evaluates them meaninglessly), and a value cannot contain both quote
 *       characters (packaging cannot print such a marker).</li>
 *   <li>In {@code name @ url ; marker} the whitespace before {@code ;} is required: without it the
 *       semicolon and marker are part of the URL.</li>
 *   <li>A trailing comma in a specifier list ({@code foo>=1,}) is accepted, as packaging does.</li>
 *   <li>Printing follows packaging except for doubly parenthesized groups, where packaging drops
 *       parentheses that change the meaning ({@code a and ((b or c))}); here they are kept once.</li>
 *   <li>Comments ({@code #}) are not part of PEP 508; requirements-file readers strip them.</li>
 *   <li>Marker algebra ({@link dev.relock.pep508.MarkerTree#and}, {@code or}, {@code not},
 *       {@code simplify}, {@code simplifyUnder}) is semantic: markers become canonical decision
 *       diagrams over per-variable value sets, with {@code python_version} mapped onto
 *       {@code python_full_version} ({@code python_version <= "3.11"} is {@code < "3.12"}, not
 *       {@code <= "3.11.0"}). PEP 508 has no {@code not}, so negation must be spelled with
 *       complementary operators; that is exact for strings, and for versions under the model
 *       that interpreters are final releases and {@code platform_release} is a version
 *       (packaging's "invalid version makes every comparison false" has no complement).</li>
 * </ul>
 */
package dev.relock.pep508;
