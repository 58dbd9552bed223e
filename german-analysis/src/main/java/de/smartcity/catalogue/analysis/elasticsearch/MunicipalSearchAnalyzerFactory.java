package de.smartcity.catalogue.analysis.elasticsearch;

import de.smartcity.catalogue.analysis.GermanMunicipalAnalyzer;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalyzerFactory;

/** Elasticsearch analyzer {@value #NAME}: {@link GermanMunicipalAnalyzer#forSearch()}. */
@NamedComponent(MunicipalSearchAnalyzerFactory.NAME)
public class MunicipalSearchAnalyzerFactory implements AnalyzerFactory {

    public static final String NAME = "de_municipal_search";

    @Override
    public GermanMunicipalAnalyzer create() {
        return GermanMunicipalAnalyzer.forSearch();
    }
}
