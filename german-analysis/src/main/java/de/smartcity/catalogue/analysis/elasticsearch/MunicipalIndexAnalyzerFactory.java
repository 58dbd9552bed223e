package de.smartcity.catalogue.analysis.elasticsearch;

import de.smartcity.catalogue.analysis.GermanMunicipalAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Elasticsearch analyzer {@value #NAME}: {@link GermanMunicipalAnalyzer#forIndexing()}. */
@NamedComponent(MunicipalIndexAnalyzerFactory.NAME)
public class MunicipalIndexAnalyzerFactory implements AnalyzerFactory {

    public static final String NAME = "de_municipal";

    @Override
    public GermanMunicipalAnalyzer create() {
        return GermanMunicipalAnalyzer.forIndexing();
    }
}
