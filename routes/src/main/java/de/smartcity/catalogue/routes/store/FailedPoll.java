package de.smartcity.catalogue.routes.store;

import java.time.Instant;

/**
 * A poll that failed, as the source's health and schedule record it.
 *
 * @param error      what went wrong, in a sentence an operator understands
 * @param backingOff whether the source is now polled less often than usual (repeated failures, or the server asked to wait)
 * @param nextPoll   when the source is due again
 */
public record FailedPoll(String error, boolean backingOff, Instant nextPoll) {
}
