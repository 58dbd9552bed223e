package de.smartcity.catalogue.app.elasticsearch;

/** The local Elasticsearch node could not be prepared, started or reached. */
public class LocalNodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocalNodeException(String message) {
        super(message);
    }

    public LocalNodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
