package de.smartcity.catalogue.routes.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.Theme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The bundled {@code theme-model.tsv} is what training on the tuning split with the settings of
 * {@link LeaveOneBatchOutTest#CHOSEN} gives, byte for byte. After the tuning split, the taxonomy's themes or the
 * analysis change, rewrite it with
 * {@code mvn -pl routes -am test -Dtest=ThemeModelFileTest -Dsurefire.failIfNoSpecifiedTests=false -Dtheme-model.write=true}.
 */
class ThemeModelFileTest {
    private static final Path FILE = Path.of("src", "main", "resources", "de", "smartcity", "catalogue", "routes",
            "tag", "theme-model.tsv");

    @Test
    void bundledModelIsTheOneTrainingOnTheTuningSplitGives() throws IOException {
        String trained = ThemeModelTrainer.train(LabelledItem.load("evaluation/tuning.jsonl"),
                Taxonomy.bundled().themes().stream().map(Theme::id).toList(), LeaveOneBatchOutTest.CHOSEN);
        if (Boolean.getBoolean("theme-model.write")) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, trained, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8)).as(FILE + ", retrained").isEqualTo(trained);
    }
}
