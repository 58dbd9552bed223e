package de.smartcity.catalogue.routes.store;

/**
 * What the database knows about a source before it is polled: what to send for a conditional GET and how
 * the polls before went, which the polling policy needs to decide when to poll next.
 *
 * @param validators          validators of the last response stored in full
 * @param unchangedPolls      polls in a row that brought nothing new
 * @param consecutiveFailures failed polls since the last success
 */
public record PollState(Validators validators, int unchangedPolls, int consecutiveFailures) {
    /** A source never polled. */
    public static final PollState NEW = new PollState(Validators.NONE, 0, 0);
}
