package de.smartcity.catalogue.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Sources as OPML 2.0, the subscription list feed readers exchange: one {@code <outline type="rss">} per source with
 * {@code text} and {@code xmlUrl}, and the catalogue's own fields (id, city, kind, interval, the HTML selectors) as
 * attributes in the namespace {@value #NAMESPACE}, which other readers ignore.
 * <p>
 * Read with the JDK's StAX parser, which resolves nothing external: a document with a DOCTYPE is refused outright, so
 * neither external entities (XXE) nor entity expansion (a "billion laughs") can happen.
 */
public final class Opml {
    /** The namespace of the catalogue's attributes; a name, not an address: nothing is ever fetched from it. */
    public static final String NAMESPACE = "urn:de.smartcity.catalogue:opml:1";
    public static final String PREFIX = "catalogue";
    /** The HTML selectors, as the sources file names them under {@code html}. */
    static final List<String> HTML_FIELDS = List.of("item", "title", "link", "date", "dateFormat", "summary", "next",
            "maxPages");
    /** Far more than any real subscription list; bounds the work a single upload can cause. */
    private static final int MAX_OUTLINES = 5000;

    private Opml() {
    }

    /**
     * One outline that names a feed ({@code xmlUrl}).
     *
     * @param name      how messages name it: its position among the outlines and its text
     * @param text      its {@code text} (or {@code title}), empty when it has none
     * @param xmlUrl    the feed's address
     * @param catalogue the catalogue's attributes it carries, by field name ({@code city}, {@code html.item}, …)
     */
    public record Outline(String name, Optional<String> text, String xmlUrl, Map<String, String> catalogue) {

        /**
         * The outline as a source's fields, named as in the sources file ({@code html.item} inside {@code html}), for
         * {@link SourcesFile#readOne}; an attribute the catalogue does not know is passed on, so it is reported.
         *
         * @param id   the id to use when the outline carries none
         * @param city the city to use when the outline carries none; empty for a portal
         */
        public ObjectNode fields(String id, Optional<String> city) {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("id", catalogue.getOrDefault("id", id));
            Optional.ofNullable(catalogue.get("city")).or(() -> city).ifPresent(value -> node.put("city", value));
            node.put("url", xmlUrl);
            catalogue.forEach((field, value) -> {
                if (field.startsWith("html.")) {
                    node.withObjectProperty("html").put(field.substring("html.".length()), value);
                } else if (!field.equals("id") && !field.equals("city")) {
                    node.put(field, value);
                }
            });
            return node;
        }
    }

    /**
     * The sources as an OPML 2.0 document, in the given order. It has no {@code dateCreated}: the same sources give
     * the same bytes, so the export's {@code ETag} holds.
     */
    public static String write(List<Source> sources, String title) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("opml");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace(PREFIX, NAMESPACE);
            xml.writeStartElement("head");
            element(xml, "title", title);
            xml.writeEndElement();
            xml.writeStartElement("body");
            for (Source source : sources) {
                outline(xml, source);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing to a string does not fail", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void outline(XMLStreamWriter xml, Source source) throws XMLStreamException {
        xml.writeEmptyElement("outline");
        xml.writeAttribute("type", "rss");
        xml.writeAttribute("text", source.cityName().map(city -> city + " (" + source.id() + ")").orElse(source.id()));
        xml.writeAttribute("xmlUrl", source.url().toString());
        if (source.kind() == SourceKind.HTML) {
            // A listing is a web page: feed readers may open it, the catalogue reads it with the selectors.
            xml.writeAttribute("htmlUrl", source.url().toString());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", source.id());
        source.cityName().ifPresent(city -> fields.put("city", city));
        fields.put("kind", source.kind().id());
        fields.put("interval", source.interval().toString());
        source.htmlSelectors().ifPresent(html -> {
            Object[] values = {html.item(), html.title(), html.link(), html.date(), html.dateFormat(), html.summary(),
                html.next(), html.maxPages()};
            for (int i = 0; i < HTML_FIELDS.size(); i++) {
                if (values[i] != null) {
                    fields.put("html." + HTML_FIELDS.get(i), values[i].toString());
                }
            }
        });
        for (Map.Entry<String, String> field : fields.entrySet()) {
            xml.writeAttribute(PREFIX, NAMESPACE, field.getKey(), field.getValue());
        }
    }

    /**
     * The outlines of an OPML document that name a feed; outlines that only group others (folders) are walked into.
     *
     * @throws InvalidOpmlException when the document is not well-formed XML, has a DOCTYPE, is not OPML, or has an
     *                              outline that neither names a feed nor groups others
     */
    public static List<Outline> read(byte[] document) throws InvalidOpmlException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        List<Outline> outlines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(document));
            try {
                readDocument(xml, outlines, problems);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new InvalidOpmlException(List.of("not well-formed XML: " + Optional.ofNullable(e.getMessage())
                    .map(message -> message.replaceAll("\\s+", " ").strip()).orElse(e.toString())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidOpmlException(problems);
        }
        return List.copyOf(outlines);
    }

    private static void readDocument(XMLStreamReader xml, List<Outline> outlines, List<String> problems)
            throws XMLStreamException, InvalidOpmlException {
        boolean root = true;
        int position = 0;
        // Per open outline: whether it has outlines inside, to tell a folder from an outline that lacks its xmlUrl.
        List<Boolean> open = new ArrayList<>();
        List<String> openNames = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new InvalidOpmlException(List.of("a DOCTYPE is not allowed in OPML here (entities are refused)"));
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new InvalidOpmlException(List.of("entity '&" + xml.getLocalName() + ";' is not allowed"));
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String element = xml.getLocalName();
                if (root) {
                    if (!element.equals("opml")) {
                        throw new InvalidOpmlException(List.of("not OPML: the root element is <" + element + ">, not <opml>"));
                    }
                    root = false;
                } else if (element.equals("outline")) {
                    if (++position > MAX_OUTLINES) {
                        throw new InvalidOpmlException(List.of("more than " + MAX_OUTLINES + " outlines"));
                    }
                    if (!open.isEmpty()) {
                        open.set(open.size() - 1, true);
                    }
                    Optional<String> text = attribute(xml, null, "text").or(() -> attribute(xml, null, "title"));
                    String name = "outline #" + position + text.map(t -> " '" + t + "'").orElse("");
                    Optional<String> xmlUrl = attribute(xml, null, "xmlUrl");
                    if (xmlUrl.isPresent()) {
                        outlines.add(new Outline(name, text, xmlUrl.get(), catalogueAttributes(xml)));
                    }
                    open.add(xmlUrl.isPresent());
                    openNames.add(name);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("outline")) {
                boolean fedOrGrouping = open.removeLast();
                String name = openNames.removeLast();
                if (!fedOrGrouping) {
                    problems.add(name + ": attribute 'xmlUrl' is missing (the address of the feed)");
                }
            }
        }
    }

    private static Map<String, String> catalogueAttributes(XMLStreamReader xml) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (NAMESPACE.equals(xml.getAttributeNamespace(i))) {
                fields.put(xml.getAttributeLocalName(i), xml.getAttributeValue(i).strip());
            }
        }
        return fields;
    }

    private static Optional<String> attribute(XMLStreamReader xml, String namespace, String name) {
        return Optional.ofNullable(xml.getAttributeValue(namespace, name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** An OPML document that cannot be read; the message lists every problem. */
    public static final class InvalidOpmlException extends Exception {
        private final List<String> problems;

        public InvalidOpmlException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
