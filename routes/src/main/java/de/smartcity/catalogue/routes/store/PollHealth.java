package de.smartcity.catalogue.routes.store;

/**
 * How a poll that stored its items leaves its source's health and schedule, decided from what storing did (news
 * snaps the interval back, nothing new stretches it). {@link ItemStore#upsert(java.util.List, java.time.Instant,
 * String, PollHealth)} writes it in the items' transaction, so that a poll commits once.
 */
@FunctionalInterface
public interface PollHealth {
    SuccessfulPoll after(UpsertResult stored);
}
