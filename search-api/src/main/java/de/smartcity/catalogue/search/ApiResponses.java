package de.smartcity.catalogue.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * Reads query strings and writes JSON answers the same way for every endpoint. Every answer carries an
 * {@code ETag} (a hash of its body); a request whose {@code If-None-Match} names it gets 304 without a body.
 */
public final class ApiResponses {
    private static final String JSON = "application/json; charset=utf-8";
    private final ObjectMapper json;

    public ApiResponses(ObjectMapper json) {
        this.json = json;
    }

    /**
     * The query parameters of the request, from the raw query string so that HTTP headers can never pose as
     * parameters. A parameter the endpoint does not know is an error, so typos do not silently widen a search.
     */
    public static Map<String, String> queryParameters(Exchange exchange, Set<String> known) {
        String raw = exchange.getMessage().getHeader(Exchange.HTTP_RAW_QUERY, String.class);
        Map<String, String> parameters = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String[] nameAndValue = pair.split("=", 2);
            String name = decode(nameAndValue[0]);
            if (!known.contains(name)) {
                throw ApiException.badParameter(name, "unknown; known parameters are " + String.join(", ", known.stream().sorted().toList()));
            }
            if (parameters.containsKey(name)) {
                throw ApiException.badParameter(name, "given more than once");
            }
            parameters.put(name, nameAndValue.length == 2 ? decode(nameAndValue[1]) : "");
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badParameter(text, "not valid URL encoding");
        }
    }

    public void json(Exchange exchange, int status, Object body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("API answers are plain records and always serialise", e);
        }
        send(exchange, status, bytes);
    }

    /** Sends a body that is already JSON, such as the OpenAPI document. */
    public void send(Exchange exchange, int status, byte[] jsonBytes) {
        send(exchange, status, jsonBytes, JSON);
    }

    /** Sends a body of the given type with its {@code ETag}, or 304 when the client has it already. */
    public void send(Exchange exchange, int status, byte[] body, String contentType) {
        String etag = etag(body);
        boolean unchanged = status == 200
                && matches(exchange.getMessage().getHeader("If-None-Match", String.class), etag);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader("ETag", etag);
        if (unchanged) {
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 304);
            exchange.getMessage().setBody(new byte[0]);
            return;
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType);
        exchange.getMessage().setBody(body);
    }

    /**
     * Sends a body that is made while it is sent, as a download named {@code fileName}. It has no {@code ETag}: that
     * would take the whole body first. platform-http sends an {@link InputStream} chunked, reading it as the client
     * takes it.
     */
    public void stream(Exchange exchange, InputStream body, String contentType, String fileName) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, contentType);
        exchange.getMessage().setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        exchange.getMessage().setBody(body);
    }

    /** A strong validator: the same body always gets the same tag, and any change to it a new one. */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** Whether an {@code If-None-Match} header names this tag (or is {@code *}); weak forms count, as RFC 9110 says. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*") || candidate.equals(etag) || candidate.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
