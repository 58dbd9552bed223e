package de.smartcity.catalogue.search;

/**
 * A request the API answers with an error status and a JSON body {@code {error, message}}.
 *
 * @see ErrorBody
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String error;

    public ApiException(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    /** HTTP 400 for a parameter that is missing, malformed or out of range; the message names it. */
    public static ApiException badParameter(String parameter, String problem) {
        return new ApiException(400, "invalid_parameter", "Parameter '" + parameter + "': " + problem);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "not_found", what);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
