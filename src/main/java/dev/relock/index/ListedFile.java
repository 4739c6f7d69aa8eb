package dev.relock.index;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** One file link as an index page lists it, before its filename is interpreted. */
record ListedFile(
        String filename,
        URI url,
        Map<String, String> hashes,
        Optional<String> requiresPython,
        Yanked yanked,
        CoreMetadataRef coreMetadata,
        OptionalLong size,
        Optional<Instant> uploadTime) {

    ListedFile {
        hashes = Map.copyOf(hashes);
    }
}
