package de.smartcity.catalogue.model;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a host name to all its addresses; the system resolver in production, a fixed table in tests. */
@FunctionalInterface
public interface HostResolver {
    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
