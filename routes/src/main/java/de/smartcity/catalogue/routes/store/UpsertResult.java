package de.smartcity.catalogue.routes.store;

/**
 * What storing one poll's items did.
 *
 * @param inserted  stories the catalogue had not seen before
 * @param changed   known stories whose content changed
 * @param unchanged known stories seen again as they were
 * @param merged    stories new to this source that another source already reported under another URL: they joined
 *                  that item
 */
public record UpsertResult(int inserted, int changed, int unchanged, int merged) {
    public int total() {
        return inserted + changed + unchanged + merged;
    }
}
