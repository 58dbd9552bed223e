package de.smartcity.catalogue.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddressGuardTest {
    /** Names resolve through this table, so no test needs the DNS; a literal resolves to itself, as in the JDK. */
    private static final Map<String, String> DNS = Map.of(
            "rebound.example", "127.0.0.1",
            "office.example", "192.168.10.5",
            "mixed.example", "93.184.215.14,10.1.2.3",
            "www.stadt.example", "93.184.215.14");

    private static InetAddress[] table(String host) throws UnknownHostException {
        String addresses = DNS.get(host);
        if (addresses == null && !host.contains(":") && !host.matches("[0-9.]+")) {
            throw new UnknownHostException(host);
        }
        String[] literals = (addresses == null ? host : addresses).split(",");
        InetAddress[] resolved = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            resolved[i] = InetAddress.getByName(literals[i]);
        }
        return resolved;
    }

    private static final AddressGuard STRICT = new AddressGuard(AllowList.none(), AddressGuardTest::table);

    private static String refusal(AddressGuard guard, String url) {
        try {
            guard.check(URI.create(url));
        } catch (RefusedAddressException e) {
            return e.getMessage();
        } catch (UnknownHostException e) {
            throw new AssertionError("expected a refusal, got " + e, e);
        }
        throw new AssertionError(url + " was not refused");
    }

    @Test
    void refusesLoopbackLiteral() {
        assertThat(refusal(STRICT, "http://127.0.0.1:8080/feed"))
                .isEqualTo("Adresse im internen Netz abgelehnt (Schutz vor SSRF): 127.0.0.1 ist eine Loopback-Adresse (der eigene Rechner).");
        assertThat(refusal(STRICT, "http://127.8.9.10/")).contains("Loopback");
    }

    @Test
    void refusesCloudMetadataAddress() {
        assertThat(refusal(STRICT, "http://169.254.169.254/latest/meta-data/"))
                .contains("169.254.169.254 ist die Adresse der Cloud-Metadaten");
        assertThat(refusal(STRICT, "http://169.254.1.1/")).contains("link-lokale Adresse");
    }

    @Test
    void refusesIpv6Loopback() {
        assertThat(refusal(STRICT, "http://[::1]/feed")).contains("::1 ist eine Loopback-Adresse");
    }

    @Test
    void refusesPrivateNetworks() {
        assertThat(refusal(STRICT, "http://10.0.0.1/")).contains("10.0.0.1 ist eine private Adresse");
        assertThat(refusal(STRICT, "http://172.16.0.1/")).contains("private Adresse");
        assertThat(refusal(STRICT, "http://172.31.255.255/")).contains("private Adresse");
        assertThat(refusal(STRICT, "http://192.168.1.1/")).contains("private Adresse");
        assertThat(refusal(STRICT, "http://[fd12:3456::1]/")).contains("private Adresse");
        assertThat(refusal(STRICT, "http://[fe80::1]/")).contains("link-lokale Adresse");
    }

    @Test
    void refusesUnspecifiedMulticastAndCarrierNat() {
        assertThat(refusal(STRICT, "http://0.0.0.0/")).contains("unspezifizierte Adresse");
        assertThat(refusal(STRICT, "http://[::]/")).contains("unspezifizierte Adresse");
        assertThat(refusal(STRICT, "http://224.0.0.1/")).contains("Multicast-Adresse");
        assertThat(refusal(STRICT, "http://[ff02::1]/")).contains("Multicast-Adresse");
        assertThat(refusal(STRICT, "http://100.64.0.1/")).contains("Carrier-NAT-Adresse");
    }

    @Test
    void refusesIpv4MappedIpv6FormsOfInternalAddresses() {
        assertThat(refusal(STRICT, "http://[::ffff:127.0.0.1]/")).contains("Loopback-Adresse");
        assertThat(refusal(STRICT, "http://[::ffff:169.254.169.254]/")).contains("Cloud-Metadaten");
        assertThat(refusal(STRICT, "http://[::ffff:a00:1]/")).contains("private Adresse");
    }

    @Test
    void refusesNamesOfThisMachineWithoutAskingTheResolver() {
        AddressGuard guard = new AddressGuard(AllowList.none(), host -> {
            throw new AssertionError("resolved " + host);
        });
        assertThat(refusal(guard, "http://localhost:9200/")).contains("localhost ist ein Name für den eigenen Rechner");
        assertThat(refusal(guard, "http://LOCALHOST./")).contains("localhost ist ein Name");
        assertThat(refusal(guard, "http://admin.localhost/")).contains("admin.localhost ist ein Name");
    }

    @Test
    void refusesAHostNameThatResolvesInside() {
        assertThat(refusal(STRICT, "https://rebound.example/feed.xml"))
                .isEqualTo("Adresse im internen Netz abgelehnt (Schutz vor SSRF): rebound.example löst auf 127.0.0.1 auf, "
                        + "eine Loopback-Adresse (der eigene Rechner).");
        assertThat(refusal(STRICT, "https://office.example/")).contains("office.example löst auf 192.168.10.5 auf, eine private Adresse");
    }

    @Test
    void refusesANameWithOnePublicAndOneInternalAddress() {
        assertThat(refusal(STRICT, "https://mixed.example/")).contains("mixed.example löst auf 10.1.2.3 auf");
    }

    @Test
    void allowsPublicAddresses() throws UnknownHostException {
        STRICT.check(URI.create("http://93.184.215.14/feed"));
        STRICT.check(URI.create("https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/feed"));
        STRICT.check(URI.create("http://172.32.0.1/"));
        STRICT.check(URI.create("http://100.128.0.1/"));
        assertThat(STRICT.resolve("www.stadt.example")).extracting(InetAddress::getHostAddress).containsExactly("93.184.215.14");
    }

    @Test
    void passesLocalFilesWhichTheOperatorChose() throws UnknownHostException {
        STRICT.check(URI.create("file:///srv/feeds/demo.xml"));
        STRICT.check(URI.create("classpath:demo/feed.xml"));
    }

    @Test
    void anUnknownHostStaysUnknownRatherThanRefused() {
        assertThatThrownBy(() -> STRICT.check(URI.create("https://nowhere.example/")))
                .isInstanceOf(UnknownHostException.class).isNotInstanceOf(RefusedAddressException.class);
    }

    @Test
    void allowListPermitsNetworksAndHostsItNames() throws UnknownHostException {
        AddressGuard guard = new AddressGuard(AllowList.parse("127.0.0.0/8, ::1\n office.example"), AddressGuardTest::table);
        guard.check(URI.create("http://127.0.0.1:8080/feed"));
        guard.check(URI.create("http://rebound.example/"));
        guard.check(URI.create("http://[::1]/"));
        guard.check(URI.create("http://[::ffff:127.0.0.1]/"));
        guard.check(URI.create("http://Office.Example/"));
        assertThat(refusal(guard, "http://10.0.0.1/")).contains("private Adresse");
        assertThat(refusal(guard, "http://169.254.169.254/")).contains("Cloud-Metadaten");
        assertThat(refusal(guard, "http://localhost/")).contains("eigenen Rechner");
    }

    @Test
    void allowListMatchesPrefixesBitByBit() {
        AllowList list = AllowList.parse("10.20.0.0/14");
        assertThat(list.allowsAddress(address("10.23.255.1"))).isTrue();
        assertThat(list.allowsAddress(address("10.24.0.1"))).isFalse();
        assertThat(AllowList.parse("fd00::/8").allowsAddress(address("fd12::1"))).isTrue();
        assertThat(AllowList.parse("fd00::/8").allowsAddress(address("10.0.0.1"))).isFalse();
    }

    @Test
    void allowListRejectsWhatItCannotRead() {
        assertThatThrownBy(() -> AllowList.parse("10.0.0.0/33")).hasMessageContaining("'10.0.0.0/33' has an invalid prefix length");
        assertThatThrownBy(() -> AllowList.parse("10.0.0.0/x")).hasMessageContaining("invalid prefix length");
        assertThatThrownBy(() -> AllowList.parse("intranet/16")).hasMessageContaining("'intranet/16' is not an IP address");
        assertThatThrownBy(() -> AllowList.parse("http://intranet")).hasMessageContaining("'http://intranet'");
        assertThat(AllowList.parse("  ")).isEqualTo(AllowList.none());
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
