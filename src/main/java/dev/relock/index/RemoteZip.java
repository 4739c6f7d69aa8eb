package dev.relock.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads single entries of a zip file known only by its tail and a way to fetch byte ranges:
 * end-of-central-directory (zip64 aware), central directory, then one local header and its data.
 * Like pip's lazy wheel and uv's range reader, this fetches a few kilobytes of a large wheel.
 */
final class RemoteZip {
    private static final int EOCD_SIG = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int ZIP64_EOCD_SIG = 0x06064b50;
    private static final int CENTRAL_SIG = 0x02014b50;
    private static final int LOCAL_SIG = 0x04034b50;
    private static final long MAX_ENTRY = 64L << 20;

    /** Fetches bytes {@code [start, end)} of the remote file. */
    interface RangeFetcher {
        byte[] fetch(long start, long end) throws IOException;
    }

    /** The zip is not one this reader understands; the caller falls back to a full download. */
    static final class ZipFormatException extends IOException {
        private static final long serialVersionUID = 1L;

        ZipFormatException(String message) {
            super(message);
        }
    }

    record Entry(String name, int method, long compressedSize, long size, long localHeaderOffset) {}

    private final byte[] tail;
    private final long tailStart;
    private final long totalSize;
    private final RangeFetcher fetcher;

    RemoteZip(byte[] tail, long totalSize, RangeFetcher fetcher) {
        this.tail = tail.clone();
        this.totalSize = totalSize;
        this.tailStart = totalSize - tail.length;
        this.fetcher = fetcher;
    }

    List<Entry> entries() throws IOException {
        int eocd = -1;
        for (int i = tail.length - 22; i >= 0 && i >= tail.length - 22 - 65535; i--) {
            if (int32(tail, i) == EOCD_SIG) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            throw new ZipFormatException("no end of central directory record");
        }
        long count = uint16(tail, eocd + 10);
        long cdSize = uint32(tail, eocd + 12);
        long cdOffset = uint32(tail, eocd + 16);
        if ((cdOffset == 0xFFFFFFFFL || cdSize == 0xFFFFFFFFL || count == 0xFFFF) && eocd >= 20
                && int32(tail, eocd - 20) == ZIP64_LOCATOR_SIG) {
            long zip64Offset = int64(tail, eocd - 20 + 8);
            byte[] record = bytes(zip64Offset, zip64Offset + 56);
            if (int32(record, 0) != ZIP64_EOCD_SIG) {
                throw new ZipFormatException("bad zip64 end of central directory record");
            }
            count = int64(record, 32);
            cdSize = int64(record, 40);
            cdOffset = int64(record, 48);
        }
        if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize > totalSize || cdSize > MAX_ENTRY) {
            throw new ZipFormatException("central directory out of bounds");
        }
        byte[] cd = bytes(cdOffset, cdOffset + cdSize);
        List<Entry> entries = new ArrayList<>();
        int p = 0;
        while (p + 46 <= cd.length && int32(cd, p) == CENTRAL_SIG) {
            int method = uint16(cd, p + 10);
            long compressed = uint32(cd, p + 20);
            long size = uint32(cd, p + 24);
            int nameLen = uint16(cd, p + 28);
            int extraLen = uint16(cd, p + 30);
            int commentLen = uint16(cd, p + 32);
            long offset = uint32(cd, p + 42);
            if (p + 46 + nameLen + extraLen > cd.length) {
                throw new ZipFormatException("truncated central directory");
            }
            String name = new String(cd, p + 46, nameLen, StandardCharsets.UTF_8);
            int e = p + 46 + nameLen;
            int extraEnd = e + extraLen;
            while (e + 4 <= extraEnd) {
                int id = uint16(cd, e);
                int len = uint16(cd, e + 2);
                if (id == 0x0001) {
                    int q = e + 4;
                    if (size == 0xFFFFFFFFL && q + 8 <= e + 4 + len) {
                        size = int64(cd, q);
                        q += 8;
                    }
                    if (compressed == 0xFFFFFFFFL && q + 8 <= e + 4 + len) {
                        compressed = int64(cd, q);
                        q += 8;
                    }
                    if (offset == 0xFFFFFFFFL && q + 8 <= e + 4 + len) {
                        offset = int64(cd, q);
                    }
                }
                e += 4 + len;
            }
            entries.add(new Entry(name, method, compressed, size, offset));
            p += 46 + nameLen + extraLen + commentLen;
        }
        if (entries.size() != count && count != 0xFFFF) {
            throw new ZipFormatException("central directory lists " + entries.size() + " of " + count + " entries");
        }
        return entries;
    }

    byte[] read(Entry entry) throws IOException {
        if (entry.size() > MAX_ENTRY || entry.compressedSize() > MAX_ENTRY) {
            throw new ZipFormatException(entry.name() + " is implausibly large");
        }
        long headerEnd = Math.min(totalSize, entry.localHeaderOffset() + 30 + entry.name().length() * 4L + 1024
                + entry.compressedSize());
        byte[] chunk = bytes(entry.localHeaderOffset(), headerEnd);
        if (chunk.length < 30 || int32(chunk, 0) != LOCAL_SIG) {
            throw new ZipFormatException("bad local header for " + entry.name());
        }
        long dataStart = 30L + uint16(chunk, 26) + uint16(chunk, 28);
        byte[] data;
        if (dataStart + entry.compressedSize() <= chunk.length) {
            data = java.util.Arrays.copyOfRange(chunk, (int) dataStart, (int) (dataStart + entry.compressedSize()));
        } else {
            long start = entry.localHeaderOffset() + dataStart;
            data = bytes(start, start + entry.compressedSize());
        }
        return switch (entry.method()) {
            case 0 -> data;
            case 8 -> inflate(data, entry);
            default -> throw new ZipFormatException("unsupported compression method " + entry.method());
        };
    }

    private static byte[] inflate(byte[] data, Entry entry) throws ZipFormatException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) entry.size());
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
                if (out.size() > entry.size()) {
                    break;
                }
            }
            if (out.size() != entry.size()) {
                throw new ZipFormatException(entry.name() + " inflates to " + out.size() + " bytes, not " + entry.size());
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new ZipFormatException(entry.name() + " is not valid deflate data");
        } finally {
            inflater.end();
        }
    }

    /** Bytes {@code [start, end)}, from the tail when it covers them, else fetched. */
    private byte[] bytes(long start, long end) throws IOException {
        if (start < 0 || end > totalSize || start > end) {
            throw new ZipFormatException("range out of bounds");
        }
        if (start >= tailStart) {
            return java.util.Arrays.copyOfRange(tail, (int) (start - tailStart), (int) (end - tailStart));
        }
        byte[] fetched = fetcher.fetch(start, end);
        if (fetched.length != end - start) {
            throw new ZipFormatException("range request returned " + fetched.length + " bytes, not " + (end - start));
        }
        return fetched;
    }

    private static int uint16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static long uint32(byte[] b, int i) {
        return int32(b, i) & 0xFFFFFFFFL;
    }

    private static int int32(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
    }

    private static long int64(byte[] b, int i) {
        return uint32(b, i) | uint32(b, i + 4) << 32;
    }
}
