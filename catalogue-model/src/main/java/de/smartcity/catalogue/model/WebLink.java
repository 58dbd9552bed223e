package de.smartcity.catalogue.model;

/**
 * A web page about a project.
 *
 * @param label what the page is, in German ("Projektseite", "Pressemitteilung")
 * @param url   an absolute http(s) URL
 */
public record WebLink(String label, String url) {
}
