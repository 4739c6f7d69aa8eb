/**
 * relock's on-disk HTTP cache: versioned buckets of entries that carry their response metadata.
 *
 * <p>Layout: {@code <root>/<bucket>-v<N>/<2 hex>/<sha256 of key>.entry}. Each entry file is a magic
 * line, one JSON header line (ETag, Last-Modified, fetched-at, max-age, immutable, content type,
 * body length and body CRC-32C) and the body. Blobs (whole wheels) sit beside them as
 * {@code .blob} files.
 *
 * <p>Traps this package handles:
 * <ul>
 *   <li>Concurrent writers and crashes: every write goes to a temporary file in the same directory
 *       and is moved into place atomically, so a reader sees the old entry or the new one, never
 *       half of either.</li>
 *   <li>Corruption (truncated files, disk errors, a format from another version): a bad entry is
 *       deleted and reported as missing, so the caller refetches; it is never an error.</li>
 *   <li>Keys are hashed into file names, so callers must pass keys free of credentials (the index
 *       client strips userinfo before building a key).</li>
 *   <li>Bumping a bucket's version (e.g. {@code simple-v2}) invalidates it without touching the
 *       others when the stored format or its interpretation changes.</li>
 *   <li>{@code Cache-Control: no-store} responses must not be written; {@code no-cache} means
 *       "always revalidate", which is max-age 0, not "do not store".</li>
 * </ul>
 */
package dev.relock.cache;
