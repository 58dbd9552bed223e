package de.smartcity.catalogue.search.feed;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import de.smartcity.catalogue.model.Project;
import de.smartcity.catalogue.model.Taxonomy;
import de.smartcity.catalogue.model.Theme;
import de.smartcity.catalogue.model.WebLink;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Projects as an Atom 1.0 feed. An entry's date is the later of the month the project started and its newest
 * news item, so a project shows up again when there is news about it. Its first web page is the entry's link;
 * its other pages and its record in the API are related links.
 */
public final class ProjectFeeds {
    private static final ZoneId GERMANY = ZoneId.of("Europe/Berlin");

    private final Taxonomy taxonomy;

    public ProjectFeeds(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /**
     * A project with the date of its newest news item, if any.
     *
     * @param newestNews when the newest item linked to it was published
     */
    public record Dated(Project project, Optional<Instant> newestNews) {

        /** When the entry changed: the later of the project's start and its newest news; the epoch when neither is known. */
        public Instant updated() {
            Optional<Instant> started = Optional.ofNullable(project.period())
                    .map(period -> period.from().atDay(1).atStartOfDay(GERMANY).toInstant());
            return newestNews.map(news -> started.filter(start -> start.isAfter(news)).orElse(news))
                    .or(() -> started).orElse(Instant.EPOCH);
        }
    }

    public Feed atom(FeedHead head, List<Dated> projects) {
        Feed feed = FeedWriter.atomFeed(head, "Smart-City-Projekte deutscher Kommunen aus dem Smart-City-Katalog");
        feed.setEntries(projects.stream().map(project -> entry(head, project)).toList());
        return feed;
    }

    private Entry entry(FeedHead head, Dated dated) {
        Project project = dated.project();
        Entry entry = new Entry();
        entry.setId(FeedIds.project(project.slug()));
        entry.setTitleEx(FeedWriter.text(project.name() + " (" + project.place().name() + ")"));
        entry.setUpdated(Date.from(dated.updated()));
        entry.setSummary(FeedWriter.text(project.description() + " Status: " + project.status().label() + "."));
        String api = head.base() + "/api/projects/" + project.slug();
        List<WebLink> pages = project.links().stream().filter(link -> FeedIds.isWebAddress(link.url())).toList();
        List<Link> related = new ArrayList<>();
        if (pages.isEmpty()) {
            entry.setAlternateLinks(List.of(FeedWriter.link("alternate", api, "application/json", "Im Smart-City-Katalog")));
        } else {
            entry.setAlternateLinks(List.of(FeedWriter.link("alternate", pages.getFirst().url(), "text/html", pages.getFirst().label())));
            pages.stream().skip(1).forEach(page -> related.add(FeedWriter.link("related", page.url(), "text/html", page.label())));
            related.add(FeedWriter.link("related", api, "application/json", "Im Smart-City-Katalog"));
        }
        entry.setOtherLinks(related);
        entry.setCategories(project.themes().stream().map(theme -> category(head, theme)).toList());
        return entry;
    }

    private Category category(FeedHead head, String themeId) {
        Category category = new Category();
        category.setTerm(themeId);
        category.setLabel(taxonomy.theme(themeId).map(Theme::de).orElse(themeId));
        category.setScheme(head.base() + "/api/themes");
        return category;
    }
}
