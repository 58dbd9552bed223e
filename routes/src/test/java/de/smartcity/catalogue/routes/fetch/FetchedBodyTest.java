package de.smartcity.catalogue.routes.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FetchedBodyTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            text/html; charset=ISO-8859-1           | ISO-8859-1
            text/html;charset="utf-8"               | utf-8
            application/rss+xml; Charset=UTF-8      | UTF-8
            text/html; boundary=x; charset=utf-8    | utf-8
            text/html                               | -
            -                                       | -
            """)
    void readsTheCharsetOfTheContentType(String contentType, String charset) {
        assertThat(new FetchedBody(new byte[0], contentType).charset()).isEqualTo(Optional.ofNullable(charset));
    }
}
