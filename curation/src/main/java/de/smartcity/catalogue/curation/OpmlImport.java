package de.smartcity.catalogue.curation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What an OPML import did, outline by outline.
 *
 * @param outlines one entry per outline that names a feed, in document order
 */
public record OpmlImport(int created, int existing, int refused, List<Outcome> outlines) {

    /**
     * @param outline how the document names it: position and text
     * @param id      the source id it has or would have had, when one could be told
     * @param result  {@code created}, {@code exists} (a source with this id is there already; left as it is) or
     *                {@code refused}
     * @param reason  why it was refused
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(String outline, String id, String result, String reason) {
    }

    static OpmlImport of(List<Outcome> outlines) {
        return new OpmlImport(count(outlines, CREATED), count(outlines, EXISTS), count(outlines, REFUSED), outlines);
    }

    static final String CREATED = "created";
    static final String EXISTS = "exists";
    static final String REFUSED = "refused";

    private static int count(List<Outcome> outlines, String result) {
        return (int) outlines.stream().filter(outcome -> outcome.result().equals(result)).count();
    }
}
