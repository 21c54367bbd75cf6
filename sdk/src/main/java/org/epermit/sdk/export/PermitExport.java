package org.epermit.sdk.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.epermit.sdk.errors.ConnectionException;
import org.epermit.sdk.errors.ErrorDetails;
import org.epermit.sdk.model.PermitSummary;

/**
 * Every permit of an export, read lazily from its NDJSON stream: one line is parsed when the next permit is asked
 * for, so memory stays constant whatever the size. The export ends with its end line
 * ({@link #end()}); when the connection is cut before it, the export is opened again after the last permit received
 * ({@code resumeAfter}), up to {@link #MAX_RESUMES} times, and iteration goes on without a gap or a repeat. A resumed
 * part is a new snapshot of the rows after that permit ({@link #asOf()} is then the latest part's moment).
 *
 * <p>One iteration per instance (it is one download); close it, or use try-with-resources, if you stop early.
 *
 * <pre>{@code
 * try (PermitExport export = client.publicPermits().export(PermitSearchParams.builder().region("13").build())) {
 *     export.stream().filter(p -> p.getDueForRenewal()).forEach(p -> ...);
 *     if (!export.complete()) { ... export.end().get().resumeAfter() ... } // the day's allowance ran out
 * }
 * }</pre>
 */
public final class PermitExport implements Iterable<PermitSummary>, AutoCloseable {

    /** How many times a cut connection is resumed before the failure is thrown. */
    public static final int MAX_RESUMES = 3;

    /** Reads one line of the stream: a permit, or the end line. */
    public interface LineReader {
        /**
         * Reads a line.
         *
         * @param line the line's UTF-8 bytes
         * @param type the model
         * @param <T>  the model
         * @return the value
         * @throws IOException when the line is not that model
         */
        <T> T read(byte[] line, Class<T> type) throws IOException;
    }

    private final Function<String, HttpResponse<InputStream>> open;
    private final LineReader lines;
    private HttpResponse<InputStream> response;
    private BufferedReader reader;
    private OffsetDateTime asOf;
    private final long matchingRows;
    private long received;
    private String last;
    private int resumes;
    private ExportEnd end;
    private boolean iterating;

    /**
     * Opens the export. The first response is requested at once, so a refused export (a bad parameter, the day's
     * allowance spent) throws here.
     *
     * @param open  opens the export after a permit number ({@code null}: from the start)
     * @param lines reads a line into a model
     */
    public PermitExport(Function<String, HttpResponse<InputStream>> open, LineReader lines) {
        this.open = Objects.requireNonNull(open, "open");
        this.lines = Objects.requireNonNull(lines, "lines");
        attach(open.apply(null));
        this.matchingRows = header("X-Export-Matching-Rows").map(Long::parseLong).orElse(-1L);
    }

    private void attach(HttpResponse<InputStream> next) {
        this.response = next;
        this.reader = new BufferedReader(new InputStreamReader(next.body(), StandardCharsets.UTF_8), 64 * 1024);
        this.asOf = header("X-Export-As-Of").map(OffsetDateTime::parse).orElse(null);
    }

    private Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    /**
     * The moment the rows are as of: the snapshot of the export (of its latest part, when it was resumed).
     *
     * @return the moment, from {@code X-Export-As-Of}
     */
    public OffsetDateTime asOf() {
        return asOf;
    }

    /**
     * How many permits matched when the export started (before the day's allowance is applied).
     *
     * @return {@code X-Export-Matching-Rows}, or -1 when the answer did not say
     */
    public long matchingRows() {
        return matchingRows;
    }

    /**
     * How many times the export was resumed after a cut connection.
     *
     * @return 0 for an uninterrupted download
     */
    public int resumes() {
        return resumes;
    }

    /**
     * The end line, once iteration has reached it.
     *
     * @return the end line, or empty before the end
     */
    public Optional<ExportEnd> end() {
        return Optional.ofNullable(end);
    }

    /**
     * Tells whether the export carried every matching permit; false when the day's export allowance ran out first
     * (resume tomorrow with {@code resumeAfter} = {@code end().get().getResumeAfter()}).
     *
     * @return whether the end line says complete
     * @throws IllegalStateException before iteration has reached the end
     */
    public boolean complete() {
        if (end == null) {
            throw new IllegalStateException("the export has not been read to its end");
        }
        return end.complete();
    }

    /**
     * The permits, in permit-number order; can be called once.
     *
     * @return the iterator
     */
    @Override
    public synchronized Iterator<PermitSummary> iterator() {
        if (iterating) {
            throw new IllegalStateException("an export is one download: iterate it once");
        }
        iterating = true;
        return new Iterator<>() {
            private PermitSummary next;

            @Override
            public boolean hasNext() {
                if (next == null && end == null) {
                    next = advance();
                }
                return next != null;
            }

            @Override
            public PermitSummary next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                PermitSummary permit = next;
                next = null;
                return permit;
            }
        };
    }

    /**
     * The permits as a sequential stream; closing it closes the download.
     *
     * @return the stream
     */
    public Stream<PermitSummary> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(this::close);
    }

    /** The next permit, or null at the end line; resumes after a cut. */
    private PermitSummary advance() {
        while (true) {
            String line;
            try {
                line = reader.readLine();
            } catch (IOException cut) {
                resume(cut);
                continue;
            }
            if (line == null) {
                resume(null);
                continue;
            }
            if (line.isEmpty()) {
                continue;
            }
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            try {
                if (line.startsWith("{\"end\":")) {
                    end = lines.read(bytes, ExportEnd.class);
                    close();
                    return null;
                }
                PermitSummary permit = lines.read(bytes, PermitSummary.class);
                received++;
                last = permit.getPermitNumber();
                return permit;
            } catch (IOException partial) {
                resume(partial); // a line cut in the middle: the permit comes again after the resume
            }
        }
    }

    private void resume(Exception cause) {
        close();
        if (resumes >= MAX_RESUMES) {
            throw new ConnectionException(new ErrorDetails(0, ConnectionException.CODE, null, null,
                    "The export was cut " + (resumes + 1) + " times, the last after " + received + " permits"
                            + (last == null ? "" : " (last " + last + ")") + "; open it again with resumeAfter="
                            + (last == null ? "(none)" : last) + ".", null, List.of(), resumes + 1), cause);
        }
        resumes++;
        attach(open.apply(last));
    }

    /** Closes the download (the server gives back the rows it did not send to the day's allowance). */
    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
