package de.smartcity.catalogue.routes.store;

/**
 * What storing one poll's items did.
 *
 * @param inserted  stories the catalogue had not seen before
 * @param changed   known stories whose content changed
 * @param unchanged known stories seen again as they were
 */
public record UpsertResult(int inserted, int changed, int unchanged) {
    public int total() {
        return inserted + changed + unchanged;
    }
}
