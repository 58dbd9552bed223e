package de.smartcity.catalogue.search;

/**
 * The JSON body of every error answer.
 *
 * @param error   a stable machine-readable code ({@code invalid_parameter}, {@code not_found}, …)
 * @param message a sentence for people, naming the parameter where one is at fault
 */
public record ErrorBody(String error, String message) {
}
