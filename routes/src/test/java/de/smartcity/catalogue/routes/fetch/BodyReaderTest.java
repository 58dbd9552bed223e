package de.smartcity.catalogue.routes.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.smartcity.catalogue.routes.parse.UnreadableSourceException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.io.EofSensorWatcher;
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
    @Test
    void givesUpOnABodyThatDripsPastTheTotalTimeout() {
        InputStream drip = new InputStream() {
            @Override
            public int read() throws java.io.IOException {
                sleep(100);
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) throws java.io.IOException {
                b[off] = (byte) read();
                return 1;
            }
        };
        long start = System.nanoTime();

        assertThatThrownBy(() -> new BodyReader(ONE_MB, Duration.ofMillis(500)).read(drip))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessageStartingWith("Zeitüberschreitung nach 0,5 s: die Antwort war nach dieser Zeit noch nicht vollständig da");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReading() {
        InputStream mustNotBeRead = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };

        assertThatThrownBy(() -> new BodyReader(ONE_MB).read(mustNotBeRead, String.valueOf(100L * ONE_MB)))
                .isInstanceOf(UnreadableSourceException.class)
                .hasMessage("Antwort ist laut Server 100 MB groß, erlaubt sind 1 MB; sie wird abgelehnt, ohne sie zu laden.");
    }

    @Test
    void readsABodyWhoseDeclaredLengthFits() throws Exception {
        byte[] body = "<rss/>".getBytes(StandardCharsets.UTF_8);

        assertThat(new BodyReader(ONE_MB).read(new ByteArrayInputStream(body), "6")).isEqualTo(body);
        assertThat(new BodyReader(ONE_MB).read(new ByteArrayInputStream(body), "kaputt")).isEqualTo(body);
    }

    @Test
    void abortsAnHttpResponseStreamInsteadOfDrainingIt() throws Exception {
        AtomicBoolean aborted = new AtomicBoolean();
        AtomicBoolean drained = new AtomicBoolean();
        EofSensorInputStream response = new EofSensorInputStream(new ByteArrayInputStream(new byte[ONE_MB + 100]),
                new EofSensorWatcher() {
                    @Override
                    public boolean eofDetected(InputStream wrapped) {
                        return true;
                    }

                    @Override
                    public boolean streamClosed(InputStream wrapped) {
                        drained.set(true);
                        return true;
                    }

                    @Override
                    public boolean streamAbort(InputStream wrapped) {
                        aborted.set(true);
                        return false;
                    }
                });

        assertThatThrownBy(() -> new BodyReader(ONE_MB).read(response)).hasMessageContaining("größer als 1 MB");
        assertThat(aborted).isTrue();
        assertThat(drained).isFalse();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
