package dev.relock.index;

import java.util.Map;
import java.util.Objects;

/**
 * Whether the index serves the file's core metadata separately at {@code <file url>.metadata}
 * (PEP 658; named {@code core-metadata} since PEP 714, {@code dist-info-metadata} before).
 */
public sealed interface CoreMetadataRef permits CoreMetadataRef.Absent, CoreMetadataRef.Present {

    static CoreMetadataRef absent() {
        return Absent.INSTANCE;
    }

    /** Present, with the hashes of the {@code .metadata} file if the index gave any. */
    static CoreMetadataRef present(Map<String, String> hashes) {
        return new Present(hashes);
    }

    boolean isPresent();

    /** The index does not serve the metadata separately. */
    enum Absent implements CoreMetadataRef {
        INSTANCE;

        @Override
        public boolean isPresent() {
            return false;
        }
    }

    /** The index serves the metadata; {@code hashes} maps algorithm name to lower-case hex. */
    record Present(Map<String, String> hashes) implements CoreMetadataRef {
        public Present {
            hashes = Map.copyOf(Objects.requireNonNull(hashes, "hashes"));
        }

        @Override
        public boolean isPresent() {
            return true;
        }
    }
}
