package de.smartcity.catalogue.search.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A file of the web page held in memory, with its gzip form compressed once and a hash of its content: the page
 * is a few small files, so nothing is read or compressed per request.
 *
 * @param contentType the {@code Content-Type} header, with charset for text
 * @param bytes       the file as it is
 * @param gzipped     the same, gzip-compressed
 * @param hash        a short hash of {@code bytes}: the ETag, and the version in the asset's URL
 */
record StaticFile(String contentType, byte[] bytes, byte[] gzipped, String hash) {

    static StaticFile of(String contentType, byte[] bytes) {
        return new StaticFile(contentType, bytes, gzip(bytes), sha256(bytes).substring(0, 16));
    }

    /** Sends the file, or 304 when the client already holds this version, gzip-compressed when the client takes it. */
    void send(RoutingContext context, int status, String cacheControl) {
        boolean gzip = acceptsGzip(context.request().getHeader(HttpHeaders.ACCEPT_ENCODING));
        // A strong ETag names one representation, so the compressed one has its own.
        String etag = "\"" + hash + (gzip ? "-gz" : "") + "\"";
        HttpServerResponse response = context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
                .putHeader(HttpHeaders.VARY, "Accept-Encoding")
                .putHeader("X-Content-Type-Options", "nosniff");
        if (status == 200) {
            response.putHeader(HttpHeaders.ETAG, etag);
            if (matches(context.request().getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
                response.setStatusCode(304).end();
                return;
            }
        }
        if (gzip) {
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setStatusCode(status).end(Buffer.buffer(gzip ? gzipped : bytes));
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            if (parts[0].strip().equalsIgnoreCase("gzip")) {
                return parts.length == 1 || !parts[1].strip().matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals(etag) || candidate.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Compressing in memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
