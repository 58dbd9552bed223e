package de.smartcity.catalogue.model;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps sources from reaching inside (server-side request forgery): a source's host must resolve only to public
 * addresses. Loopback, link-local (with the cloud metadata address), private, carrier-NAT, unspecified and multicast
 * addresses are refused, in IPv4, IPv6 and IPv4-mapped IPv6 form, as are names of this machine such as
 * {@code localhost}, unless the {@link AllowList} names the host or holds the address.
 * <p>
 * Checking a URL once, when a source is saved, is not enough: its name can resolve elsewhere later (DNS rebinding),
 * and a public URL can redirect inside. The fetcher therefore resolves through {@link #resolve} on every connection.
 */
public final class AddressGuard {
    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback");

    private final AllowList allowed;
    private final HostResolver resolver;

    public AddressGuard(AllowList allowed, HostResolver resolver) {
        this.allowed = allowed;
        this.resolver = resolver;
    }

    /** The production default: nothing internal is allowed, names resolve through the system resolver. */
    public static AddressGuard refusingInternal() {
        return new AddressGuard(AllowList.none(), HostResolver.SYSTEM);
    }

    /** The system resolver with the given exceptions. */
    public static AddressGuard allowing(AllowList allowed) {
        return new AddressGuard(allowed, HostResolver.SYSTEM);
    }

    /**
     * Checks an http(s) URL's host; {@code file:} and {@code classpath:} URLs are local by the operator's choice
     * and pass.
     *
     * @throws RefusedAddressException when the host is or resolves to an internal address
     * @throws UnknownHostException    when the host does not resolve
     */
    public void check(URI url) throws UnknownHostException {
        String scheme = Optional.ofNullable(url.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (scheme.equals("http") || scheme.equals("https")) {
            resolve(Optional.ofNullable(url.getHost()).orElse(""));
        }
    }

    /**
     * All addresses of a host name or literal ({@code [::1]} with or without brackets), each of them public or
     * allowed.
     *
     * @throws RefusedAddressException naming the first internal address and its class
     * @throws UnknownHostException    when the host does not resolve
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String name = host.toLowerCase(Locale.ROOT).replaceFirst("^\\[(.*)]$", "$1").replaceFirst("\\.$", "");
        if (allowed.allowsHost(name)) {
            return resolver.resolve(name);
        }
        if (LOCAL_NAMES.contains(name) || name.endsWith(".localhost")) {
            throw refused(name + " ist ein Name für den eigenen Rechner");
        }
        InetAddress[] addresses = resolver.resolve(name);
        for (InetAddress address : addresses) {
            Optional<AddressClass> internal = AddressClass.of(address).filter(kind -> !allowed.allowsAddress(address));
            if (internal.isPresent()) {
                String description = internal.get().description();
                throw refused(isLiteral(name) ? name + " ist " + description
                        : name + " löst auf " + address.getHostAddress() + " auf, " + description);
            }
        }
        return addresses;
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static RefusedAddressException refused(String reason) {
        return new RefusedAddressException("Adresse im internen Netz abgelehnt (Schutz vor SSRF): " + reason + ".");
    }
}
