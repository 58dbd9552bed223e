package de.smartcity.catalogue.analysis.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.elasticsearch.plugin.NamedComponent;
import org.junit.jupiter.api.Test;

/** Checks the descriptor files that the build puts at the root of the plugin zip. */
class PluginDescriptorTest {

    private static final Path PLUGIN_FILES = Path.of("target", "plugin");

    @Test
    void namedComponentsFileListsEveryAnnotatedComponent() throws Exception {
        Map<String, Map<String, String>> listed =
                new ObjectMapper()
                        .readValue(
                                PLUGIN_FILES.resolve("named_components.json").toFile(),
                                new TypeReference<Map<String, Map<String, String>>>() {});

        assertThat(listed).isEqualTo(annotatedComponents());
    }

    @Test
    void descriptorHasOnlyTheKeysAStablePluginMayUse() throws IOException {
        Properties descriptor = new Properties();
        try (Reader reader =
                Files.newBufferedReader(PLUGIN_FILES.resolve("stable-plugin-descriptor.properties"))) {
            descriptor.load(reader);
        }

        assertThat(descriptor.stringPropertyNames())
                .containsExactlyInAnyOrder(
                        "name", "description", "version", "elasticsearch.version", "java.version", "modular");
        assertThat(descriptor.values())
                .allSatisfy(value -> assertThat(value).asString().doesNotContain("${"));
        assertThat(descriptor.getProperty("elasticsearch.version")).isEqualTo("9.1.0");
        assertThat(descriptor.getProperty("java.version")).isEqualTo("21");
        assertThat(descriptor.getProperty("modular")).isEqualTo("false");
    }

    /** Interface name to component name to class name, found by reading the compiled classes. */
    private static Map<String, Map<String, String>> annotatedComponents()
            throws IOException, URISyntaxException {
        Map<String, Map<String, String>> components = new HashMap<>();
        for (Class<?> type : compiledClasses()) {
            NamedComponent name = type.getAnnotation(NamedComponent.class);
            if (name != null) {
                Arrays.stream(type.getInterfaces())
                        .forEach(
                                api ->
                                        components
                                                .computeIfAbsent(api.getName(), key -> new HashMap<>())
                                                .put(name.value(), type.getName()));
            }
        }
        return components;
    }

    private static List<Class<?>> compiledClasses() throws IOException, URISyntaxException {
        Path classes =
                Path.of(
                        MunicipalIndexAnalyzerFactory.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        try (Stream<Path> files = Files.walk(classes)) {
            return files
                    .filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString())
                    .filter(file -> !file.endsWith("-info.class"))
                    .map(file -> file.substring(0, file.length() - ".class".length()).replace('/', '.'))
                    .<Class<?>>map(PluginDescriptorTest::load)
                    .toList();
        }
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Compiled class cannot be loaded: " + className, e);
        }
    }
}
