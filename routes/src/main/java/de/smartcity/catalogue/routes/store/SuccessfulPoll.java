package de.smartcity.catalogue.routes.store;

import java.time.Instant;

/**
 * A poll that worked, as the source's health and schedule record it.
 *
 * @param notModified    the server answered 304: nothing was parsed or stored
 * @param validators     what to send on the next poll
 * @param unchangedPolls polls in a row that brought nothing new, this one included
 * @param nextPoll       when the source is due again
 */
public record SuccessfulPoll(boolean notModified, Validators validators, int unchangedPolls, Instant nextPoll) {
}
