package de.smartcity.catalogue.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Where a walk through search results stands, handed to the client as an opaque text. The first pages are
 * searched without a point in time; the first page fetched with a cursor opens one, and every later cursor
 * carries it, so the rest of the walk sees the index as it was then.
 *
 * @param search the search's parameters, without {@code page} and {@code cursor}
 * @param after  the sort values of the last item shown
 * @param pit    the point-in-time id, or null before the first cursor page
 * @param page   the number of the page this cursor leads to
 * @param shown  how many items came before that page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ItemCursor(Map<String, String> search, List<Object> after, String pit, int page, long shown) {
    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new IllegalStateException("A cursor holds strings and numbers and always serialises", e);
        }
    }

    static ItemCursor decode(String text) {
        ItemCursor cursor;
        try {
            cursor = JSON.readValue(Base64.getUrlDecoder().decode(text), ItemCursor.class);
        } catch (IOException | IllegalArgumentException e) {
            throw notACursor();
        }
        if (cursor.search() == null || cursor.after() == null || cursor.after().isEmpty() || cursor.page() < 2
                || cursor.search().containsKey("page") || cursor.search().containsKey("cursor")) {
            throw notACursor();
        }
        return cursor;
    }

    /** The sort values as Elasticsearch takes them back. */
    List<FieldValue> searchAfter() {
        return after.stream().map(value -> switch (value) {
            case Integer number -> FieldValue.of(number.longValue());
            case Long number -> FieldValue.of(number);
            case Double number -> FieldValue.of(number);
            case String string -> FieldValue.of(string);
            default -> throw notACursor();
        }).toList();
    }

    /** The sort values of a hit, as plain JSON values. */
    static List<Object> after(List<FieldValue> sort) {
        return sort.stream().map(FieldValue::_get).toList();
    }

    private static ApiException notACursor() {
        return ApiException.badParameter("cursor", "not a cursor this API handed out; take it from a response's 'next'");
    }
}
