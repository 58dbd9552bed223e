package de.smartcity.catalogue.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Item ids: the first 20 hex digits of the SHA-256 of the canonical URL, so every poll agrees on them. */
public final class ItemIds {
    private ItemIds() {
    }

    public static String fromCanonicalUrl(String canonicalUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalUrl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
