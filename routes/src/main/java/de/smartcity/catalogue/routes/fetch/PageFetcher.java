package de.smartcity.catalogue.routes.fetch;

import java.net.URI;

/** Fetches one more page of an HTML listing, with the same limits as the first. */
@FunctionalInterface
public interface PageFetcher {
    /**
     * @param url an http(s) page on the listing's host, or a local file when the listing is one
     * @return the page's body and content type
     * @throws Exception when the page cannot be had; the pager then keeps what the pages before gave
     */
    FetchedBody fetch(URI url) throws Exception;
}
