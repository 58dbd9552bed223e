package de.smartcity.catalogue.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiResponsesTest {

    @Test
    void theTagFollowsTheBody() {
        String tag = ApiResponses.etag("{\"total\":1}".getBytes(StandardCharsets.UTF_8));

        assertThat(tag).matches("\"[0-9a-f]{24}\"");
        assertThat(ApiResponses.etag("{\"total\":1}".getBytes(StandardCharsets.UTF_8))).isEqualTo(tag);
        assertThat(ApiResponses.etag("{\"total\":2}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(tag);
    }

    @Test
    void ifNoneMatchMatchesTheTagInAListWeaklyOrAsAStar() {
        assertThat(ApiResponses.matches("\"abc\"", "\"abc\"")).isTrue();
        assertThat(ApiResponses.matches("\"x\", W/\"abc\"", "\"abc\"")).isTrue();
        assertThat(ApiResponses.matches("*", "\"abc\"")).isTrue();
        assertThat(ApiResponses.matches("\"abd\"", "\"abc\"")).isFalse();
        assertThat(ApiResponses.matches(null, "\"abc\"")).isFalse();
    }

    @Test
    void answersAreKeptAMinuteHealthIsAskedAgainErrorsNeverKept() {
        assertThat(ApiHttpHeaders.cacheControl("/api/items", 200)).isEqualTo("public, max-age=60");
        assertThat(ApiHttpHeaders.cacheControl("/api/compare", 304)).isEqualTo("public, max-age=60");
        assertThat(ApiHttpHeaders.cacheControl("/api/sources/kommune21", 200)).isEqualTo("no-cache");
        assertThat(ApiHttpHeaders.cacheControl("/api/metrics", 200)).isEqualTo("no-cache");
        assertThat(ApiHttpHeaders.cacheControl("/api/items", 400)).isEqualTo("no-store");
        assertThat(ApiHttpHeaders.cacheControl("/api/items/x", 404)).isEqualTo("no-store");
        assertThat(ApiHttpHeaders.cacheControl("/api/items", 503)).isEqualTo("no-store");
    }
}
