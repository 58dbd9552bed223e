package de.smartcity.catalogue.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code serve} and {@code demo} refuse to start on a port another program holds, rather than run without an API. */
class ServePortTest {

    @AfterEach
    void clearSetting() {
        System.clearProperty(Setting.HTTP_PORT.systemProperty());
    }

    @Test
    void aPortAnotherProgramHoldsStopsTheStartNamingThePortAndTheSetting() throws Exception {
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress("0.0.0.0", 0));
            System.setProperty(Setting.HTTP_PORT.systemProperty(), String.valueOf(other.getLocalPort()));

            assertThatThrownBy(Serve::freeHttpPort).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Port " + other.getLocalPort() + " is in use by another program: stop it, or give the "
                            + "catalogue another port with CATALOGUE_HTTP_PORT");
        }
    }

    @Test
    void aFreePortIsTheOneTheSettingNames() throws Exception {
        int port;
        try (ServerSocket found = new ServerSocket(0)) {
            port = found.getLocalPort();
        }
        System.setProperty(Setting.HTTP_PORT.systemProperty(), String.valueOf(port));

        assertThat(Serve.freeHttpPort()).isEqualTo(port);
    }
}
