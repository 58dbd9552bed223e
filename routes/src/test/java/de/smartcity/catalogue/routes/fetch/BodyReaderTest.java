package de.smartcity.catalogue.routes.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.smartcity.catalogue.routes.parse.UnreadableSourceException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BodyReaderTest {

    private static final int ONE_MB = 1024 * 1024;

    @Test
    void acceptsBodyOfExactlyTheLimit() throws Exception {
        byte[] body = new byte[ONE_MB];

        assertThat(new BodyReader(ONE_MB).read(new ByteArrayInputStream(body))).hasSize(ONE_MB);
    }

    @Test
    void rejectsBodyOverTheLimit() {
        byte[] body = new byte[ONE_MB + 1];

        assertThatThrownBy(() -> new BodyReader(ONE_MB).read(new ByteArrayInputStream(body)))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("Antwort ist größer als 1 MB und wird abgelehnt.");
    }

    @Test
    void readsClasspathSource() throws Exception {
        byte[] bytes = new BodyReader(ONE_MB).readLocal(URI.create("classpath:feeds/mannheim.atom"));

        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Stadt Mannheim");
    }

    @Test
    void readsFileSource(@TempDir Path dir) throws Exception {
        Path feed = Files.writeString(dir.resolve("feed.xml"), "<rss/>");

        assertThat(new BodyReader(ONE_MB).readLocal(feed.toUri())).containsExactly("<rss/>".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void saysWhichFileIsMissing() {
        assertThatThrownBy(() -> new BodyReader(ONE_MB).readLocal(URI.create("classpath:feeds/gibt-es-nicht.rss")))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("Datei nicht gefunden: classpath:feeds/gibt-es-nicht.rss");
    }

    @Test
    void appliesTheLimitToLocalFilesToo(@TempDir Path dir) throws Exception {
        Path big = Files.write(dir.resolve("gross.xml"), new byte[ONE_MB + 10]);

        assertThatThrownBy(() -> new BodyReader(ONE_MB).readLocal(big.toUri()))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageContaining("größer als 1 MB");
    }
}
