/**
 * Components of the Elasticsearch stable analysis plugin that serves {@link
 * de.smartcity.catalogue.analysis.GermanMunicipalAnalyzer} to the node. The node lists them in
 * {@code named_components.json} at the root of the plugin zip.
 */
package de.smartcity.catalogue.analysis.elasticsearch;
