package de.smartcity.catalogue.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The exceptions to the refusal of internal addresses: host names (matched exactly, case-insensitive) and
 * networks in CIDR notation or single addresses ({@code 127.0.0.1}, {@code 10.20.0.0/16}, {@code ::1}).
 *
 * @param hosts    lower-case host names whose addresses are all allowed
 * @param networks networks whose addresses are allowed, whatever name leads there
 */
public record AllowList(Set<String> hosts, List<Network> networks) {
    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

    public AllowList {
        hosts = Set.copyOf(hosts);
        networks = List.copyOf(networks);
    }

    public static AllowList none() {
        return new AllowList(Set.of(), List.of());
    }

    /**
     * Reads a list separated by commas or white space, e.g. {@code "127.0.0.1, ::1, intranet.stadt.de"}.
     *
     * @throws IllegalArgumentException naming the first entry that is neither a host name nor an address or network
     */
    public static AllowList parse(String text) {
        Set<String> hosts = new HashSet<>();
        List<Network> networks = new ArrayList<>();
        for (String entry : text.strip().split("[,\\s]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            String lower = entry.toLowerCase(Locale.ROOT);
            if (lower.contains("/") || lower.contains(":") || IPV4_LITERAL.matcher(lower).matches()) {
                networks.add(Network.parse(lower));
            } else if (HOST_NAME.matcher(lower).matches()) {
                hosts.add(lower);
            } else {
                throw new IllegalArgumentException("'" + entry + "' is neither a host name nor an IP address or CIDR network");
            }
        }
        return new AllowList(hosts, networks);
    }

    public boolean allowsHost(String host) {
        return hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    public boolean allowsAddress(InetAddress address) {
        return networks.stream().anyMatch(network -> network.contains(address));
    }

    /**
     * A network: the first {@code bits} bits of {@code address}. An IPv4 network also holds the IPv6 forms that
     * embed its addresses ({@code ::ffff:127.0.0.1}).
     */
    public record Network(byte[] address, int bits) {
        public Network {
            address = address.clone();
        }

        static Network parse(String text) {
            int slash = text.indexOf('/');
            String literal = slash < 0 ? text : text.substring(0, slash);
            byte[] bytes = literalBytes(literal, text);
            int bits = bytes.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > bytes.length * 8) {
                    throw new IllegalArgumentException("'" + text + "' has an invalid prefix length");
                }
            }
            return new Network(bytes, bits);
        }

        private static byte[] literalBytes(String literal, String entry) {
            if (!literal.contains(":") && !IPV4_LITERAL.matcher(literal).matches()) {
                throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR network");
            }
            try {
                // A literal is parsed, never looked up in the DNS.
                return AddressClass.canonicalBytes(InetAddress.getByName(literal));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR network");
            }
        }

        public boolean contains(InetAddress candidate) {
            byte[] bytes = AddressClass.canonicalBytes(candidate);
            if (bytes.length != address.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(bytes, 0, whole, address, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            int mask = (0xff << (8 - rest)) & 0xff;
            return rest == 0 || (bytes[whole] & mask) == (address[whole] & mask);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Network network && bits == network.bits && Arrays.equals(address, network.address);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(address) + bits;
        }

        @Override
        public String toString() {
            return Arrays.toString(address) + "/" + bits;
        }
    }
}
