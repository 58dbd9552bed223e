package de.smartcity.catalogue.app;

import java.util.Optional;

/**
 * Every setting of the app in one place, with its environment variable, default and meaning.
 * A Java system property of the same name in lower case with dots ({@code catalogue.es.url}) wins over
 * the environment; the README's configuration table is this list.
 */
public enum Setting {
    DATA_DIR("CATALOGUE_DATA_DIR", "./data",
            "Directory for the H2 database and the local Elasticsearch node."),
    DB_URL("CATALOGUE_DB_URL", "",
            "JDBC URL of the database; empty means an H2 file database in the data directory. "
                    + "PostgreSQL: jdbc:postgresql://host:5432/catalogue"),
    DB_USER("CATALOGUE_DB_USER", "", "Database user (PostgreSQL)."),
    DB_PASSWORD("CATALOGUE_DB_PASSWORD", "", "Database password (PostgreSQL)."),
    ES_URL("CATALOGUE_ES_URL", "",
            "URL of an Elasticsearch 9 cluster with the project's analysis plugin; empty means the app starts "
                    + "and manages a local single-node cluster."),
    ES_LOCAL_PORT("CATALOGUE_ES_LOCAL_PORT", "9250", "HTTP port of the local Elasticsearch node."),
    ES_LOCAL_HEAP("CATALOGUE_ES_LOCAL_HEAP", "512m", "Heap size of the local Elasticsearch node."),
    ES_DIST_DIR("CATALOGUE_ES_DIST_DIR", "",
            "Directory holding the Elasticsearch integ-test-zip and the plugin zip; empty means app/target/elasticsearch "
                    + "next to the app jar, where the build puts them."),
    HTTP_PORT("CATALOGUE_HTTP_PORT", "8080", "Port of the search API and web page."),
    SOURCES("CATALOGUE_SOURCES", "",
            "Sources file (YAML) for serve and ingest; empty means the bundled demo sources."),
    PROJECTS("CATALOGUE_PROJECTS", "",
            "Project catalogue file (YAML) that news are linked to; empty means the bundled demo projects with the "
                    + "bundled demo sources, and no projects with any other sources."),
    TAXONOMY("CATALOGUE_TAXONOMY", "",
            "Theme taxonomy file (YAML) with the tagging rules; empty means the bundled taxonomy."),
    INDEX_PERIOD("CATALOGUE_INDEX_PERIOD", "PT2S",
            "How often items not yet in Elasticsearch are sent there (ISO-8601 duration)."),
    POLL_CONCURRENCY("CATALOGUE_POLL_CONCURRENCY", "8",
            "How many sources are polled at once, over all hosts."),
    POLL_PER_HOST("CATALOGUE_POLL_PER_HOST", "2",
            "How many requests go to one host name at once, however many sources it serves."),
    PUBLIC_URL("CATALOGUE_PUBLIC_URL", "",
            "The address readers reach the catalogue at (https://katalog.example.de), for the links in its feeds. Empty "
                    + "means the address each request came in on, which its Host header chooses: fine on one machine, "
                    + "but behind a shared cache set it, or a forged Host ends up in everyone's feed."),
    SOURCE_ALLOW("CATALOGUE_SOURCE_ALLOW", "",
            "Internal hosts and networks that sources may reach after all, separated by commas: host names "
                    + "(intranet.stadt.de), addresses or CIDR networks (127.0.0.1, 10.20.0.0/16, ::1). Empty means none: "
                    + "a source whose host is or resolves to a loopback, link-local (cloud metadata), private, "
                    + "carrier-NAT, unspecified or multicast address is refused, on every request and redirect.");

    private final String environmentVariable;
    private final String defaultValue;
    private final String meaning;

    Setting(String environmentVariable, String defaultValue, String meaning) {
        this.environmentVariable = environmentVariable;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
    }

    public String environmentVariable() {
        return environmentVariable;
    }

    public String systemProperty() {
        return environmentVariable.toLowerCase().replace('_', '.');
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String meaning() {
        return meaning;
    }

    /** The configured value: system property, then environment, then default. */
    public String value() {
        return Optional.ofNullable(System.getProperty(systemProperty()))
                .or(() -> Optional.ofNullable(System.getenv(environmentVariable)))
                .orElse(defaultValue)
                .strip();
    }

    /** The configured value, empty when it is blank (settings whose default means "choose for me"). */
    public Optional<String> optionalValue() {
        return Optional.of(value()).filter(value -> !value.isEmpty());
    }
}
