/**
 * relock's package index client: PEP 503/691 project pages, PEP 658 core metadata, verified
 * downloads, over one shared OkHttp client, a bounded worker pool and the {@code dev.relock.cache}.
 *
 * <p>Entry points: {@link dev.relock.index.IndexSources} (the pip-style index options and
 * credentials) and {@link dev.relock.index.IndexClient} ({@code projectAsync}, {@code metadataAsync},
 * {@code download}).
 *
 * <p>Traps of the standards and of real indexes this package handles:
 * <ul>
 *   <li>PEP 691 negotiation: relock asks for JSON, then HTML, then plain {@code text/html}; the
 *       response's {@code Content-Type}, not the request, decides the parser. Some servers answer
 *       406 to the full {@code Accept} header; the page is then requested again as {@code text/html}
 *       (as Renovate's PyPI datasource does).</li>
 *   <li>PEP 714 renamed {@code dist-info-metadata} to {@code core-metadata}
 *       ({@code data-core-metadata} in HTML); the new key wins when both are present, and either may
 *       be {@code true} or a hash ({@code sha256=...} in HTML, a map in JSON).</li>
 *   <li>PEP 592 {@code yanked} is a boolean or a reason string; in HTML the mere presence of
 *       {@code data-yanked} yanks, its value is the (possibly empty) reason.</li>
 *   <li>HTML attribute values are HTML-escaped ({@code data-requires-python="&gt;=3.8"}), hrefs are
 *       relative to the page or to a {@code <base href>}, and hashes live in the URL fragment.</li>
 *   <li>Link text is not the file name: the name is the last path segment of the URL,
 *       percent-decoded. Files whose names do not parse as the project's wheel or sdist are
 *       skipped (noted at debug level), never fatal.</li>
 *   <li>PEP 658 metadata is only trusted if it matches its published hash (or if neither it nor
 *       the wheel publishes one); on mismatch, junk, or a Name/Version that contradicts the file
 *       name relock warns and reads the wheel instead. Bytes read with {@code Range} cannot be
 *       checked against the wheel's hash, so a range read (end of central directory, central
 *       directory, one local entry) is used only for wheels without a published hash; others are
 *       downloaded whole and verified. Metadata is validated (parsed, Name and Version equal to the
 *       file name's) before it is cached, keyed by the file's published hash.</li>
 *   <li>An sdist's PKG-INFO only describes its dependencies from Metadata-Version 2.2 on and when
 *       they are not {@code Dynamic} (PEP 643); otherwise the package needs a build: the client's
 *       {@link dev.relock.index.SdistBuilder} builds it and the result is validated and cached by the
 *       sdist's sha256; without a builder ({@code --no-build}) it is
 *       {@link dev.relock.index.MetadataUnavailableException}.</li>
 *   <li>Retrying lives in one loop around request <em>and</em> body ({@code HttpTransport}) rather
 *       than in an OkHttp interceptor, because truncated bodies and hash mismatches show up only
 *       while reading; 5xx, 408 and 429 (honouring a capped {@code Retry-After}), resets and
 *       timeouts are retried with exponential back-off and jitter, a bounded number of times.
 *       Nothing that failed is ever written to the cache.</li>
 *   <li>First index wins per project (see {@link dev.relock.index.IndexSources}): merging all
 *       indexes, as pip does, lets a public upload shadow a private package (dependency
 *       confusion).</li>
 *   <li>Credentials are removed from source URLs when the options are read and kept only for the
 *       {@code Authorization} header; every URL in a message goes through
 *       {@link dev.relock.index.UrlRedaction} and cache keys never contain userinfo.</li>
 * </ul>
 */
package dev.relock.index;
