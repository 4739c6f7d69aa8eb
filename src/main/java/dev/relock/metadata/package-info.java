/**
 * Core metadata (METADATA / PKG-INFO, the "Core metadata specifications" and PEP 643) as needed
 * for resolution: {@link dev.relock.metadata.CoreMetadata#parse(byte[], String)}.
 *
 * <p>Traps, and what this package does about them:
 * <ul>
 *   <li>The format is RFC 822-ish headers: names are case-insensitive, values may be folded over
 *       lines starting with a space or tab (unfolded by dropping the line break), the body after
 *       the first empty line is the description and is ignored. CRLF, CR and LF all end a line.
 *   <li>Files should be UTF-8 but are not always; undecodable bytes become U+FFFD with a warning.
 *   <li>Published metadata is immutable, so junk lives forever on indexes:
 *       {@code Requires-Python: >=2.7, !=3.0.*,} (trailing comma), {@code >= '3.6'} (quotes),
 *       {@code >=3.6.*} (star after an ordering operator), {@code !=3.0*} (missing dot),
 *       {@code >=7.2.0<8.0.0} (missing comma). Like uv, relock repairs these few patterns and
 *       records a warning; like pip, an unrepairable {@code Requires-Python} is ignored (treated as
 *       absent) with a warning. An unrepairable {@code Requires-Dist} is dropped from the list
 *       but kept verbatim in {@code invalidRequiresDist()}, so the resolver can reject the
 *       distribution instead of locking with a silently missing dependency.
 *   <li>Single-use fields given twice keep the first value (warning). A missing
 *       {@code Metadata-Version} is read as 1.0 (warning). Missing or invalid {@code Name} or
 *       {@code Version} is an {@link dev.relock.metadata.InvalidMetadataException}.
 *   <li>Sdist PKG-INFO dependencies are reliable only from Metadata-Version 2.2 when neither
 *       {@code Requires-Dist} nor {@code Requires-Python} is listed in {@code Dynamic}
 *       ({@link dev.relock.metadata.CoreMetadata#dependenciesAreStatic()}); older PKG-INFO files
 *       often simply omit dependencies.
 * </ul>
 */
package dev.relock.metadata;
