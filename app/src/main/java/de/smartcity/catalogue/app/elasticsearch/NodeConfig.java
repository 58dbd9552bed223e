package de.smartcity.catalogue.app.elasticsearch;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code elasticsearch.yml} of the local node: a single node on loopback, security off when
 * the distribution knows that setting, and no disk watermarks, so a full-ish disk never turns the
 * indices read-only.
 */
record NodeConfig(
        String clusterName,
        String nodeName,
        Path dataDir,
        Path logsDir,
        int httpPort,
        int transportPort,
        boolean securitySettingKnown) {

    static final String CLUSTER_NAME = "smart-city-catalogue";
    static final String NODE_NAME = "catalogue-local";

    static NodeConfig forNode(Path home, Path dataDir, Path logsDir, int httpPort, int transportPort) {
        return new NodeConfig(CLUSTER_NAME, NODE_NAME, dataDir, logsDir, httpPort, transportPort,
                knowsSecuritySetting(home));
    }

    /** {@code xpack.security.enabled} is refused as an unknown setting unless the security module is there. */
    static boolean knowsSecuritySetting(Path home) {
        return Files.isDirectory(home.resolve("modules/x-pack-security"));
    }

    String toYaml() {
        StringBuilder yaml = new StringBuilder()
                .append("# Written by LocalElasticsearchNode on every start; edits are overwritten.\n")
                .append("cluster.name: ").append(quoted(clusterName)).append('\n')
                .append("node.name: ").append(quoted(nodeName)).append('\n')
                .append("path.data: ").append(quoted(dataDir.toString())).append('\n')
                .append("path.logs: ").append(quoted(logsDir.toString())).append('\n')
                .append("network.host: 127.0.0.1\n")
                .append("http.port: ").append(httpPort).append('\n')
                .append("transport.port: ").append(transportPort).append('\n')
                .append("discovery.type: single-node\n")
                .append("cluster.routing.allocation.disk.threshold_enabled: false\n");
        if (securitySettingKnown) {
            yaml.append("xpack.security.enabled: false\n");
        }
        return yaml.toString();
    }

    /** A single-quoted YAML scalar: only the quote itself needs escaping (doubled). */
    private static String quoted(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
