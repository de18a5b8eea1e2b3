package dev.portico.form;

import dev.portico.config.Limits;
import dev.portico.error.ApiException;
import dev.portico.error.NullCharacters;
import dev.portico.error.ParseError;
import dev.portico.error.PayloadTooLarge;
import dev.portico.http.FileUpload;
import dev.portico.http.FormData;
import dev.portico.http.Request;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;

/**
 * Reads a {@code multipart/form-data} body into {@link FormData}, streaming: Apache Commons FileUpload splits
 * the parts (Portico does not parse MIME itself), and each part is checked against the limits as it streams,
 * before it is kept: the part count (400 {@code too_many_parts}), each part's size (413), each field name
 * (depth, list index) and the body limit of {@link Request#body()} (413). Files past the memory threshold are
 * spooled to a temporary file, deleted when the request ends through {@link Request#closeAtEnd}.
 */
public final class MultipartParser {
    private static final String OCTET_STREAM = "application/octet-stream";

    private final Limits limits;
    private final FormParser names;

    /** A parser with these limits. */
    public MultipartParser(Limits limits) {
        this.limits = limits;
        this.names = new FormParser(limits);
    }

    /** The fields and files of the request's multipart body; a malformed body is a 400 {@code parse_error}. */
    public FormData parse(Request request) {
        LinkedHashMap<String, ArrayList<String>> fields = new LinkedHashMap<>();
        LinkedHashMap<String, ArrayList<FileUpload>> files = new LinkedHashMap<>();
        try {
            FileItemInputIterator parts = new Upload().getItemIterator(request);
            int count = 0;
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if (++count > limits.multipartParts()) {
                    throw new ApiException(
                            400,
                            "too_many_parts",
                            "The multipart body has more than " + limits.multipartParts() + " parts.");
                }
                String name = part.getFieldName();
                if (name == null) {
                    throw new ParseError("Multipart form parse error: a part has no field name.");
                }
                names.checkName(name);
                NullCharacters.check(name, name);
                read(part, name, request, fields, files);
            }
        } catch (IOException | RuntimeException e) {
            throw answer(e);
        }
        return FormData.build(fields, files);
    }

    private void read(
            FileItemInput part,
            String name,
            Request request,
            Map<String, ArrayList<String>> fields,
            Map<String, ArrayList<FileUpload>> files)
            throws IOException {
        if (part.isFormField()) {
            String value = new String(readSmall(part.getInputStream()), StandardCharsets.UTF_8);
            NullCharacters.check(name, value);
            fields.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            return;
        }
        String fileName = lastSegment(part.getName());
        String contentType = part.getContentType() == null ? OCTET_STREAM : part.getContentType();
        NullCharacters.check(name, fileName + contentType);
        SpooledUpload upload = spool(part.getInputStream(), fileName, contentType, request);
        if (fileName.isEmpty() && upload.size() == 0) {
            return; // a file input left empty: browsers send a nameless, empty part
        }
        files.computeIfAbsent(name, k -> new ArrayList<>(1)).add(upload);
    }

    /** A form field's value, refused past the part limit before it is all held. */
    private byte[] readSmall(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long size = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            size += n;
            if (size > limits.multipartPartSize()) {
                throw partTooLarge();
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** A file's content: in memory up to the threshold, then in a temporary file registered for deletion first. */
    private SpooledUpload spool(InputStream in, String fileName, String contentType, Request request)
            throws IOException {
        ByteArrayOutputStream memory = new ByteArrayOutputStream();
        OutputStream out = memory;
        Path file = null;
        long size = 0;
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
                if (size > limits.multipartPartSize()) {
                    throw partTooLarge();
                }
                if (file == null && size > limits.multipartMemoryThreshold()) {
                    file = spillFile(request);
                    out = spill(file, memory);
                }
                write(out, buffer, n);
            }
        } finally {
            if (file != null) {
                out.close();
            }
        }
        return file == null
                ? new SpooledUpload(fileName, contentType, size, memory.toByteArray(), null)
                : new SpooledUpload(fileName, contentType, size, null, file);
    }

    /*
     * Reading the part may fail because of the client's body (a 400); writing the temporary file fails only
     * on the server's side (a full or read-only disk), so those failures are unchecked and answered as 500.
     */
    private static Path spillFile(Request request) {
        try {
            Path file = Files.createTempFile("portico-upload-", ".part");
            request.closeAtEnd(new SpooledUpload.Deletion(file));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for an upload", e);
        }
    }

    private static OutputStream spill(Path file, ByteArrayOutputStream memory) {
        try {
            OutputStream out = Files.newOutputStream(file);
            memory.writeTo(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an upload's temporary file", e);
        }
    }

    private static void write(OutputStream out, byte[] buffer, int length) {
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an upload's temporary file", e);
        }
    }

    /** The last segment of a client's file name, so {@code ../../etc/passwd} or {@code C:\x\a.txt} cannot name a path. */
    static String lastSegment(String fileName) {
        if (fileName == null) {
            return "";
        }
        int cut = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        String last = fileName.substring(cut + 1);
        return last.equals(".") || last.equals("..") ? "" : last;
    }

    private PayloadTooLarge partTooLarge() {
        return new PayloadTooLarge(
                "A multipart part is larger than the limit of " + limits.multipartPartSize() + " bytes.");
    }

    /** The Portico answer carried by a failure, or a 400 for a body the library could not split. */
    private static ApiException answer(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        if (e instanceof java.nio.file.InvalidPathException) { // Commons FileUpload refuses a file name with NUL
            return new ParseError("Multipart form parse error: a part's file name is not valid.");
        }
        if (e instanceof FileUploadException || e instanceof IOException) {
            return new ParseError("Multipart form parse error: the body is not valid multipart/form-data.");
        }
        throw (RuntimeException) e;
    }

    /** Commons FileUpload over a Portico request; only the streaming API is used, nothing is kept by the library. */
    private static final class Upload extends AbstractFileUpload<Request, DiskFileItem, DiskFileItemFactory> {
        Upload() {
            setHeaderCharset(StandardCharsets.UTF_8);
        }

        @Override
        public FileItemInputIterator getItemIterator(Request request) throws IOException {
            return getItemIterator((RequestContext) new Context(request));
        }

        @Override
        public Map<String, List<DiskFileItem>> parseParameterMap(Request request) {
            throw new UnsupportedOperationException("Portico streams parts; see MultipartParser.parse");
        }

        @Override
        public List<DiskFileItem> parseRequest(Request request) {
            throw new UnsupportedOperationException("Portico streams parts; see MultipartParser.parse");
        }
    }

    /** The request as the library sees it; the body is the bounded stream of {@link Request#body()}. */
    private record Context(Request request) implements RequestContext {
        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public long getContentLength() {
            return -1; // unknown to the library: the body limit is enforced by the stream itself
        }

        @Override
        public String getContentType() {
            return request.contentType().orElse("");
        }

        @Override
        public InputStream getInputStream() {
            return request.body();
        }

        @Override
        public boolean isMultipartRelated() {
            return false;
        }
    }
}
