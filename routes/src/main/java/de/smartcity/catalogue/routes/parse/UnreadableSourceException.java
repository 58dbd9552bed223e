package de.smartcity.catalogue.routes.parse;

/** A fetched body that is not a usable feed or listing; the message says why, for the source's health. */
public class UnreadableSourceException extends Exception {
    public UnreadableSourceException(String message) {
        super(message);
    }

    public UnreadableSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
