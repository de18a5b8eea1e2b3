package dev.portico.config;

/**
 * Bounds on what one request may make the server read or build, each enforced while reading so a breach is
 * answered with a 4xx before the input is built in memory.
 *
 * @param bodySize largest request body in bytes (413 past it)
 * @param headerSize largest request head (request line and headers) in bytes (431 past it)
 * @param jsonDepth deepest JSON nesting (400 past it)
 * @param jsonStringLength longest JSON string in characters (400 past it)
 * @param formFields most fields in one form body or query string (400 past it)
 * @param formDepth most dotted segments in one form field name, {@code a.b.c} is 3 (400 past it)
 * @param formListIndex largest list index in a form field name, {@code usernames.999} (400 past it)
 * @param multipartParts most parts in one multipart body (400 past it)
 * @param multipartPartSize largest multipart part in bytes (413 past it)
 * @param multipartMemoryThreshold size past which an uploaded file is spooled to a temporary file instead of
 *     held in memory
 * @param errorEntries most fields one error answer names; the rest are counted in one last entry, and reading
 *     stops collecting them, so no input makes an answer bigger than its request
 */
public record Limits(
        long bodySize,
        int headerSize,
        int jsonDepth,
        int jsonStringLength,
        int formFields,
        int formDepth,
        int formListIndex,
        int multipartParts,
        long multipartPartSize,
        long multipartMemoryThreshold,
        int errorEntries) {

    /** The default number of fields one error answer names: 100, more than any form a person fills in. */
    public static final int DEFAULT_ERROR_ENTRIES = 100;

    /** Fails on an error cap that would name no field at all. */
    public Limits {
        if (errorEntries < 1) {
            throw new IllegalArgumentException("limits.error-entries must be at least 1, not " + errorEntries);
        }
    }

    /** Limits with the default error entries (100). */
    public Limits(
            long bodySize,
            int headerSize,
            int jsonDepth,
            int jsonStringLength,
            int formFields,
            int formDepth,
            int formListIndex,
            int multipartParts,
            long multipartPartSize,
            long multipartMemoryThreshold) {
        this(
                bodySize,
                headerSize,
                jsonDepth,
                jsonStringLength,
                formFields,
                formDepth,
                formListIndex,
                multipartParts,
                multipartPartSize,
                multipartMemoryThreshold,
                DEFAULT_ERROR_ENTRIES);
    }

    /** The default memory threshold for uploads: 64 KiB. */
    public static final long DEFAULT_MULTIPART_MEMORY_THRESHOLD = 64 << 10;

    /** Limits with the default upload memory threshold (64 KiB). */
    public Limits(
            long bodySize,
            int headerSize,
            int jsonDepth,
            int jsonStringLength,
            int formFields,
            int formDepth,
            int formListIndex,
            int multipartParts,
            long multipartPartSize) {
        this(
                bodySize,
                headerSize,
                jsonDepth,
                jsonStringLength,
                formFields,
                formDepth,
                formListIndex,
                multipartParts,
                multipartPartSize,
                DEFAULT_MULTIPART_MEMORY_THRESHOLD,
                DEFAULT_ERROR_ENTRIES);
    }

    /**
     * Safe defaults: 10 MiB bodies, 16 KiB heads, JSON depth 64 and strings of 1 MiB, forms of 1000 fields, 100
     * fields named in an error.
     */
    public static Limits defaults() {
        return new Limits(
                10L << 20,
                16 << 10,
                64,
                1 << 20,
                1000,
                8,
                999,
                100,
                10L << 20,
                DEFAULT_MULTIPART_MEMORY_THRESHOLD,
                DEFAULT_ERROR_ENTRIES);
    }
}
