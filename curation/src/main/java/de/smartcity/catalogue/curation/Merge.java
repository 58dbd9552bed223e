package de.smartcity.catalogue.curation;

/**
 * Two items after an editor merged them or split them apart.
 *
 * @param id     the item merged into, or split from
 * @param other  the item merged in, or split off
 * @param merged whether {@code other} is now part of {@code id}
 */
public record Merge(String id, String other, boolean merged) {
}
