package de.smartcity.catalogue.app.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaHomeLocatorTest {

    @TempDir
    Path temp;

    private Path jdk(String name, String javaVersion) throws IOException {
        Path home = temp.resolve("jvm").resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + javaVersion + "\"\n");
        return home;
    }

    private JavaHomeLocator locator(Map<String, String> env, Path runningHome, int runningVersion) {
        return new JavaHomeLocator(env, runningHome, runningVersion, temp.resolve("jvm"));
    }

    @Test
    void prefersTheConfiguredJdk() throws IOException {
        Path configured = jdk("configured", "21.0.5");
        Path esJavaHome = jdk("es", "25.0.1");

        Path found = locator(Map.of("ES_JAVA_HOME", esJavaHome.toString()), esJavaHome, 25)
                .locate(Optional.of(configured));

        assertThat(found).isEqualTo(configured);
    }

    @Test
    void takesEsJavaHomeBeforeJavaHome() throws IOException {
        Path esJavaHome = jdk("es", "21.0.2");
        Path javaHome = jdk("java", "25.0.1");

        Path found = locator(Map.of("ES_JAVA_HOME", esJavaHome.toString(), "JAVA_HOME", javaHome.toString()),
                temp.resolve("nowhere"), 17).locate(Optional.empty());

        assertThat(found).isEqualTo(esJavaHome);
    }

    @Test
    void failsWhenEsJavaHomeIsTooOldInsteadOfTakingAnotherJdk() throws IOException {
        Path esJavaHome = jdk("es", "17.0.15");
        jdk("newer", "25.0.3");

        assertThatThrownBy(() -> locator(Map.of("ES_JAVA_HOME", esJavaHome.toString()), temp.resolve("nowhere"), 17)
                .locate(Optional.empty()))
                .isInstanceOf(LocalNodeException.class)
                .hasMessageContaining("ES_JAVA_HOME")
                .hasMessageContaining("Java 17")
                .hasMessageContaining("Install a JDK 21 or newer");
    }

    @Test
    void failsWhenTheConfiguredJdkHasNoJavaBinary() {
        assertThatThrownBy(() -> locator(Map.of(), temp.resolve("nowhere"), 25)
                .locate(Optional.of(temp.resolve("empty"))))
                .isInstanceOf(LocalNodeException.class)
                .hasMessageContaining("has no bin/java");
    }

    @Test
    void takesJavaHomeWhenItIsNewEnough() throws IOException {
        Path javaHome = jdk("java", "21.0.7");

        Path found = locator(Map.of("JAVA_HOME", javaHome.toString()), temp.resolve("nowhere"), 17)
                .locate(Optional.empty());

        assertThat(found).isEqualTo(javaHome);
    }

    @Test
    void skipsAJavaHomeOlderThan21AndUsesTheRunningJvm() throws IOException {
        Path oldJavaHome = jdk("old", "17.0.15");
        Path running = jdk("running", "25.0.3");

        Path found = locator(Map.of("JAVA_HOME", oldJavaHome.toString()), running, 25).locate(Optional.empty());

        assertThat(found).isEqualTo(running);
    }

    @Test
    void skipsARunningJvmOlderThan21AndPicksTheNewestInstalledJdk() throws IOException {
        Path running = jdk("java-17-openjdk-amd64", "17.0.15");
        jdk("java-21-openjdk-amd64", "21.0.8");
        Path newest = jdk("temurin-25-jdk-amd64", "25.0.3");
        jdk("java-8-openjdk-amd64", "1.8.0_452");

        Path found = locator(Map.of(), running, 17).locate(Optional.empty());

        assertThat(found).isEqualTo(newest);
    }

    @Test
    void comparesInstalledJdksByFullVersionNotByName() throws IOException {
        Path running = jdk("running-17", "17.0.15");
        jdk("zulu-21", "21.0.1");
        Path newer = jdk("a-21", "21.0.10");

        assertThat(locator(Map.of(), running, 17).locate(Optional.empty())).isEqualTo(newer);
    }

    @Test
    void ignoresDirectoriesWithoutJavaBinaryOrReleaseFile() throws IOException {
        Path running = jdk("running-17", "17.0.15");
        Files.createDirectories(temp.resolve("jvm/openjdk-25"));
        Path noRelease = temp.resolve("jvm/no-release");
        Files.createDirectories(noRelease.resolve("bin"));
        Files.writeString(noRelease.resolve("bin/java"), "");

        assertThatThrownBy(() -> locator(Map.of(), running, 17).locate(Optional.empty()))
                .isInstanceOf(LocalNodeException.class)
                .hasMessageContaining("No JDK 21+ found")
                .hasMessageContaining("apt-get install openjdk-21-jdk-headless")
                .hasMessageContaining("ES_JAVA_HOME");
    }

    @Test
    void saysWhatToInstallWhenThereIsNoJdkDirectoryAtAll() {
        assertThatThrownBy(() -> new JavaHomeLocator(Map.of(), temp.resolve("nowhere"), 17, temp.resolve("missing"))
                .locate(Optional.empty()))
                .isInstanceOf(LocalNodeException.class)
                .hasMessageContaining(JavaHomeLocator.INSTALL_HINT);
    }

    @Test
    void readsOldAndNewVersionStyles() {
        assertThat(JavaHomeLocator.parseVersion("1.8.0_452")).map(Runtime.Version::feature).contains(8);
        assertThat(JavaHomeLocator.parseVersion("25.0.3")).map(Runtime.Version::feature).contains(25);
        assertThat(JavaHomeLocator.parseVersion("21")).map(Runtime.Version::feature).contains(21);
        assertThat(JavaHomeLocator.parseVersion("21-ea")).map(Runtime.Version::feature).contains(21);
        assertThat(JavaHomeLocator.parseVersion("garbage")).isEmpty();
    }
}
