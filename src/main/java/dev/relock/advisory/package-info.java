/**
 * Known vulnerabilities of pinned releases, from OSV: the advisory model ({@link dev.relock.advisory.Advisory},
 * {@link dev.relock.advisory.AffectedRange}) and its sources, the OSV API
 * ({@link dev.relock.advisory.OsvApiSource}) and an offline OSV database
 * ({@link dev.relock.advisory.OsvDatabaseSource}). Sits beside {@code index}: it does I/O and
 * depends only on the standards, the cache and the index's HTTP plumbing.
 *
 * <p>Traps this package handles:
 * <ul>
 *   <li>OSV's PyPI names are as the project spells them; they are compared PEP 503-normalized.</li>
 *   <li>Range events are compared with PEP 440 ordering, not as strings; {@code introduced: "0"}
 *       means "from the first release" (below every pre-release as well), and a range may end in
 *       {@code last_affected} (inclusive) instead of {@code fixed} (exclusive).</li>
 *   <li>One vulnerability often has several records (a GHSA and a PYSEC id aliasing each other);
 *       the reports merge them by alias, and an ignore may name any of the ids.</li>
 *   <li>A withdrawn record stays in the database and the API; it is never reported.</li>
 *   <li>querybatch answers only ids (and {@code modified}) and pages long answers with
 *       {@code next_page_token}; the records come from {@code /v1/vulns/{id}}.</li>
 * </ul>
 */
package dev.relock.advisory;
