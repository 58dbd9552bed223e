package de.smartcity.catalogue.model;

import java.net.UnknownHostException;

/**
 * A source's host is, or resolves to, an internal address. It is an {@link UnknownHostException} because it is
 * raised where a name is resolved, also inside the HTTP client's connection set-up, whose resolver may only throw
 * that: for fetching, the host has no address we may use.
 */
public final class RefusedAddressException extends UnknownHostException {
    public RefusedAddressException(String message) {
        super(message);
    }
}
