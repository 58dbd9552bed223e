package de.smartcity.catalogue.routes.fetch;

import de.smartcity.catalogue.routes.parse.UnreadableSourceException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads bodies with a size cap: from an HTTP response stream, a local file or the classpath. */
public final class BodyReader {
    private final long maxBytes;

    public BodyReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public byte[] read(InputStream in) throws IOException, UnreadableSourceException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new UnreadableSourceException("Antwort ist größer als " + (maxBytes / 1024 / 1024) + " MB und wird abgelehnt.");
        }
        return bytes;
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
}
