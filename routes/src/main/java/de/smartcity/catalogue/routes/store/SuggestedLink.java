package de.smartcity.catalogue.routes.store;

import java.time.Instant;

/**
 * A link the project linker made and no editor has accepted or rejected yet.
 *
 * @param item      the item's id
 * @param title     its title, for the editor to judge by
 * @param url       the original source
 * @param published when it was published
 * @param reason    why the linker linked it ("Titel nennt „Parksensoren“, Ort Kaiserslautern")
 */
public record SuggestedLink(String item, String title, String url, Instant published, String reason) {
}
