package dev.portico.form;

import dev.portico.http.FileUpload;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** An uploaded file held in memory when small, or in a temporary file that the request deletes when it ends. */
final class SpooledUpload implements FileUpload {
    private final String name;
    private final String contentType;
    private final long size;
    private final byte[] memory;
    private final Path file;

    SpooledUpload(String name, String contentType, long size, byte[] memory, Path file) {
        this.name = name;
        this.contentType = contentType;
        this.size = size;
        this.memory = memory;
        this.file = file;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public InputStream stream() throws IOException {
        return memory != null ? new ByteArrayInputStream(memory) : Files.newInputStream(file);
    }

    @Override
    public String toString() {
        return "FileUpload[" + name + ", " + contentType + ", " + size + " bytes]";
    }

    /** Deletes a spooled file; registered with the request as soon as the file exists. */
    record Deletion(Path file) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            Files.deleteIfExists(file);
        }
    }
}
