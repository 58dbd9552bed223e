package de.smartcity.catalogue.model;

/**
 * A news item's link to a project of the catalogue, with why it was made.
 *
 * @param slug   the project's slug
 * @param name   the project's name, for display
 * @param reason why the item belongs to the project, in words an editor understands
 *               ("Titel nennt „KL-WLAN“, Ort Kaiserslautern")
 * @param origin who made the link: {@link #AUTO} for the linker, {@link #EDITOR} for an editor
 */
public record ProjectLink(String slug, String name, String reason, String origin) {
    /** Made by the linker from the item's text; replaced whenever the item or the catalogue changes. */
    public static final String AUTO = "auto";
    /** Made by an editor; the linker leaves it alone. */
    public static final String EDITOR = "editor";
    /** Taken away by an editor: not shown, and the linker never makes the link again. */
    public static final String UNLINKED = "unlinked";
}
