package de.smartcity.catalogue.app.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigTest {

    @TempDir
    Path temp;

    @Test
    void configuresASingleLoopbackNodeOfOurCluster() {
        String yaml = new NodeConfig("smart-city-catalogue", "catalogue-local", Path.of("/var/es/data"),
                Path.of("/var/es/logs"), 9250, 9350, true).toYaml();

        assertThat(yaml).contains(
                "cluster.name: 'smart-city-catalogue'\n",
                "node.name: 'catalogue-local'\n",
                "path.data: '/var/es/data'\n",
                "path.logs: '/var/es/logs'\n",
                "network.host: 127.0.0.1\n",
                "http.port: 9250\n",
                "transport.port: 9350\n",
                "discovery.type: single-node\n",
                "cluster.routing.allocation.disk.threshold_enabled: false\n",
                "xpack.security.enabled: false\n");
    }

    @Test
    void leavesOutTheSecuritySettingWhenTheDistributionDoesNotKnowIt() throws IOException {
        Path home = Files.createDirectories(temp.resolve("elasticsearch-9.1.0/modules/transport-netty4")).getParent()
                .getParent();

        NodeConfig config = NodeConfig.forNode(home, temp.resolve("data"), temp.resolve("logs"), 9200, 9300);

        assertThat(config.securitySettingKnown()).isFalse();
        assertThat(config.toYaml()).doesNotContain("xpack");
    }

    @Test
    void turnsSecurityOffWhenTheSecurityModuleIsThere() throws IOException {
        Path home = temp.resolve("elasticsearch-9.1.0");
        Files.createDirectories(home.resolve("modules/x-pack-security"));

        NodeConfig config = NodeConfig.forNode(home, temp.resolve("data"), temp.resolve("logs"), 9200, 9300);

        assertThat(config.clusterName()).isEqualTo(NodeConfig.CLUSTER_NAME);
        assertThat(config.toYaml()).contains("xpack.security.enabled: false\n");
    }

    @Test
    void quotesPathsSoThatYamlSpecialCharactersSurvive() {
        String yaml = new NodeConfig("c", "n", Path.of("/tmp/it's: #data"), Path.of("/tmp/logs"), 9200, 9300, false)
                .toYaml();

        assertThat(yaml).contains("path.data: '/tmp/it''s: #data'\n");
    }
}
