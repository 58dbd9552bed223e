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

    /** HTTP 401: no credentials, or ones that name no active key; answered with {@code WWW-Authenticate: Bearer}. */
    public static ApiException unauthorized(String why) {
        return new ApiException(401, "unauthorized", why);
    }

    /** HTTP 403: a valid key whose role does not allow the request. */
    public static ApiException forbidden(String why) {
        return new ApiException(403, "forbidden", why);
    }

    /** HTTP 409: the request does not fit the state the target is in. */
    public static ApiException conflict(String why) {
        return new ApiException(409, "conflict", why);
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
