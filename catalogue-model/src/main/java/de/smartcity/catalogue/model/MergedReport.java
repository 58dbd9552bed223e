package de.smartcity.catalogue.model;

/**
 * Another source's report of an item's story under an address of its own, recognised as the same story and
 * merged into the item instead of becoming an item of its own.
 *
 * @param source     id of the source that carried the report
 * @param url        the report's canonical URL; its id (see {@link ItemIds}) stays an alias of the item, so an
 *                   editor who splits the merge gets the report back as an item of its own
 * @param title      the report's headline as that source gave it
 * @param similarity share of the words of title and teaser found in both reports, 0 to 1
 * @param reason     why both count as one story, in words an editor understands
 */
public record MergedReport(String source, String url, String title, double similarity, String reason) {
}
