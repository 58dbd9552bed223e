package de.smartcity.catalogue.routes.fetch;

import de.smartcity.catalogue.routes.parse.UnreadableSourceException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import org.apache.hc.core5.http.io.EofSensorInputStream;

/**
 * Reads bodies with hard limits: from an HTTP response stream, a local file or the classpath.
 * <ul>
 *   <li>Size: a declared {@code Content-Length} above the cap is refused before a byte is read, and reading
 *       stops one byte after the cap. HttpClient 5 (under camel-http) decompresses gzip and deflate
 *       transparently, so the stream read here is the decompressed one and the cap bounds what a gzip bomb
 *       can inflate to; the compressed bytes read are never more than the decompressed ones allow.</li>
 *   <li>Time: the whole body must arrive within the total timeout. The connect and read timeouts of the HTTP
 *       client bound each wait; this deadline bounds a server that drips a byte every second forever. It is
 *       checked after every read, so it can be exceeded by at most one read timeout.</li>
 * </ul>
 * When a limit is hit, an HTTP response stream is aborted (its connection discarded) instead of being
 * drained to the end, which for a slow or endless body would take as long as the server likes.
 */
public final class BodyReader {
    /** How long a whole body may take when nothing else is configured. */
    public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(30);
    private static final int CHUNK = 16 * 1024;

    private final long maxBytes;
    private final Duration totalTimeout;
    private final Clock clock;

    public BodyReader(long maxBytes) {
        this(maxBytes, DEFAULT_TOTAL_TIMEOUT);
    }

    public BodyReader(long maxBytes, Duration totalTimeout) {
        this(maxBytes, totalTimeout, Clock.systemUTC());
    }

    BodyReader(long maxBytes, Duration totalTimeout, Clock clock) {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBytes must be between 1 and " + (Integer.MAX_VALUE - 8) + ": " + maxBytes);
        }
        if (totalTimeout.isNegative() || totalTimeout.isZero()) {
            throw new IllegalArgumentException("totalTimeout must be positive: " + totalTimeout);
        }
        this.maxBytes = maxBytes;
        this.totalTimeout = totalTimeout;
        this.clock = clock;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public Duration totalTimeout() {
        return totalTimeout;
    }

    /** Reads a body of unknown length, within the size cap and the total timeout counted from now. */
    public byte[] read(InputStream in) throws IOException, UnreadableSourceException {
        return read(in, OptionalLong.empty());
    }

    /**
     * Reads a body whose length the server declared ({@code Content-Length}, as the header's text; null or
     * unparseable when there is none). A declared length over the cap is refused before reading.
     */
    public byte[] read(InputStream in, String declaredLength) throws IOException, UnreadableSourceException {
        return read(in, parseLength(declaredLength));
    }

    /** Reads a body, refusing it before reading when its declared length is over the cap. */
    public byte[] read(InputStream in, OptionalLong declaredLength) throws IOException, UnreadableSourceException {
        Instant deadline = clock.instant().plus(totalTimeout);
        if (declaredLength.isPresent() && declaredLength.getAsLong() > maxBytes) {
            abort(in);
            throw new UnreadableSourceException("Antwort ist laut Server " + megabytes(declaredLength.getAsLong())
                    + " groß, erlaubt sind " + megabytes(maxBytes) + "; sie wird abgelehnt, ohne sie zu laden.");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(declaredLength.orElse(CHUNK), maxBytes + 1));
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        while (true) {
            int wanted = (int) Math.min(chunk.length, maxBytes + 1 - total);
            int read = in.read(chunk, 0, wanted);
            if (read < 0) {
                return body.toByteArray();
            }
            body.write(chunk, 0, read);
            total += read;
            if (total > maxBytes) {
                abort(in);
                throw new UnreadableSourceException("Antwort ist größer als " + megabytes(maxBytes) + " und wird abgelehnt.");
            }
            if (clock.instant().isAfter(deadline)) {
                abort(in);
                throw new UnreadableSourceException("Zeitüberschreitung nach " + seconds(totalTimeout)
                        + ": die Antwort war nach dieser Zeit noch nicht vollständig da (" + total + " Bytes empfangen).");
            }
        }
    }

    /**
     * Gives up an HTTP response stream without reading the rest of it: the connection is discarded rather
     * than drained. Other streams are closed. Safe to call on a stream that is already closed or aborted.
     */
    public static void abort(InputStream in) {
        if (in == null) {
            return;
        }
        try {
            if (in instanceof EofSensorInputStream sensor) {
                sensor.abort();
            } else {
                in.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // The stream is given up either way.
        }
    }

    /** Sources with {@code file:} or {@code classpath:} URLs, for local use and the offline demo. */
    public byte[] readLocal(URI url) throws IOException, UnreadableSourceException {
        if ("classpath".equals(url.getScheme())) {
            String resource = url.getSchemeSpecificPart().replaceFirst("^/", "");
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new UnreadableSourceException("Datei nicht gefunden: " + url);
                }
                return read(in);
            }
        }
        Path path = Path.of(url);
        try (InputStream in = Files.newInputStream(path)) {
            return read(in);
        } catch (NoSuchFileException e) {
            throw new UnreadableSourceException("Datei nicht gefunden: " + path);
        }
    }

    private static OptionalLong parseLength(String header) {
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long length = Long.parseLong(header.strip());
            return length >= 0 ? OptionalLong.of(length) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String megabytes(long bytes) {
        long mb = bytes / 1024 / 1024;
        return mb > 0 ? mb + " MB" : Math.max(1, bytes / 1024) + " KB";
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s"
                : String.format(Locale.GERMAN, "%.1f s", duration.toMillis() / 1000.0);
    }
}
