package de.smartcity.catalogue.model;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/** Address ranges a source must not point into: they reach this machine, its network or the cloud's control plane. */
public enum AddressClass {
    METADATA("die Adresse der Cloud-Metadaten-Dienste"),
    LOOPBACK("eine Loopback-Adresse (der eigene Rechner)"),
    UNSPECIFIED("eine unspezifizierte Adresse (0.0.0.0/8, ::)"),
    LINK_LOCAL("eine link-lokale Adresse (169.254.0.0/16, fe80::/10)"),
    PRIVATE("eine private Adresse (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7)"),
    SHARED("eine Carrier-NAT-Adresse (100.64.0.0/10)"),
    MULTICAST("eine Multicast-Adresse");

    private static final byte[] IPV4_MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};

    private final String description;

    AddressClass(String description) {
        this.description = description;
    }

    /** The class in words, for an operator's message. */
    public String description() {
        return description;
    }

    /** The internal class of an address; empty for a public one. */
    public static Optional<AddressClass> of(InetAddress address) {
        byte[] bytes = canonicalBytes(address);
        return bytes.length == 4 ? ofIpv4(bytes) : ofIpv6(bytes);
    }

    /** The address's bytes; the 4 of the IPv4 address that an IPv6 address embeds, since that is what it reaches. */
    static byte[] canonicalBytes(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet6Address && embedsIpv4(bytes) ? Arrays.copyOfRange(bytes, 12, 16) : bytes;
    }

    /** IPv4-mapped ({@code ::ffff:a.b.c.d}) and the deprecated IPv4-compatible ({@code ::a.b.c.d}) forms reach the IPv4 address. */
    private static boolean embedsIpv4(byte[] bytes) {
        boolean mapped = Arrays.equals(bytes, 0, 12, IPV4_MAPPED_PREFIX, 0, 12);
        boolean compatible = Arrays.equals(bytes, 0, 12, new byte[12], 0, 12) && (bytes[12] | bytes[13] | bytes[14]) != 0;
        return mapped || compatible;
    }

    private static Optional<AddressClass> ofIpv4(byte[] bytes) {
        int first = bytes[0] & 0xff;
        int second = bytes[1] & 0xff;
        if (first == 169 && second == 254 && (bytes[2] & 0xff) == 169 && (bytes[3] & 0xff) == 254) {
            return Optional.of(METADATA);
        }
        if (first == 127) {
            return Optional.of(LOOPBACK);
        }
        if (first == 0) {
            return Optional.of(UNSPECIFIED);
        }
        if (first == 169 && second == 254) {
            return Optional.of(LINK_LOCAL);
        }
        if (first == 10 || (first == 172 && second >= 16 && second <= 31) || (first == 192 && second == 168)) {
            return Optional.of(PRIVATE);
        }
        if (first == 100 && second >= 64 && second <= 127) {
            return Optional.of(SHARED);
        }
        if (first >= 224 && first <= 239) {
            return Optional.of(MULTICAST);
        }
        return Optional.empty();
    }

    private static Optional<AddressClass> ofIpv6(byte[] bytes) {
        boolean zeroPrefix = Arrays.equals(bytes, 0, 15, new byte[15], 0, 15);
        if (zeroPrefix && bytes[15] == 1) {
            return Optional.of(LOOPBACK);
        }
        if (zeroPrefix && bytes[15] == 0) {
            return Optional.of(UNSPECIFIED);
        }
        int first = bytes[0] & 0xff;
        if (first == 0xfe && (bytes[1] & 0xc0) == 0x80) {
            return Optional.of(LINK_LOCAL);
        }
        if ((first & 0xfe) == 0xfc) {
            return Optional.of(PRIVATE);
        }
        if (first == 0xff) {
            return Optional.of(MULTICAST);
        }
        return Optional.empty();
    }
}
