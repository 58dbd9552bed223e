package de.smartcity.catalogue.routes.store;

import de.smartcity.catalogue.model.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * API keys: created with a random token that is shown once, stored only as the SHA-256 of its secret part, checked in
 * constant time and revoked, never deleted. A token reads {@code sck_<id>_<secret>}: the id finds the row, the secret
 * (256 random bits) proves the holder. A plain hash is enough for a secret that random: there is nothing to guess.
 */
public final class ApiKeyStore {
    private static final String PREFIX = "sck_";
    private static final int ID_BYTES = 6;
    private static final int SECRET_BYTES = 32;
    private static final int MAX_NAME = 200;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, name, role, created, revoked";

    private final DataSource dataSource;

    public ApiKeyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Makes a key for {@code name} with {@code role}.
     *
     * @throws IllegalArgumentException when the name is blank or longer than 200 characters
     */
    public IssuedKey create(String name, Role role, Instant now) throws SQLException {
        String cleanName = checkedName(name);
        String id = HexFormat.of().formatHex(random(ID_BYTES));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random(SECRET_BYTES));
        Instant created = now.truncatedTo(ChronoUnit.MICROS);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO api_keys (id, name, role, secret_hash, created) VALUES (?,?,?,?,?)")) {
            insert.setString(1, id);
            insert.setString(2, cleanName);
            insert.setString(3, role.id());
            insert.setString(4, HexFormat.of().formatHex(sha256(secret)));
            insert.setObject(5, ItemStore.utc(created));
            insert.executeUpdate();
        }
        return new IssuedKey(new ApiKey(id, cleanName, role, created, null), PREFIX + id + "_" + secret);
    }

    /** Every key, oldest first, revoked ones included; never their secrets. */
    public List<ApiKey> list() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM api_keys ORDER BY created, id")) {
            return read(select);
        }
    }

    public Optional<ApiKey> find(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM api_keys WHERE id = ?")) {
            select.setString(1, id);
            return read(select).stream().findFirst();
        }
    }

    /**
     * Revokes a key from now on; a key revoked before keeps its first revocation time.
     *
     * @return the key as it stands afterwards, empty when there is no key with that id
     */
    public Optional<ApiKey> revoke(String id, Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE api_keys SET revoked = ? WHERE id = ? AND revoked IS NULL")) {
            update.setObject(1, ItemStore.utc(now.truncatedTo(ChronoUnit.MICROS)));
            update.setString(2, id);
            update.executeUpdate();
        }
        return find(id);
    }

    /** The active key this token belongs to; empty for a malformed, unknown, wrong or revoked token. */
    public Optional<ApiKey> authenticate(String token) throws SQLException {
        int idEnd = PREFIX.length() + 2 * ID_BYTES;
        if (!token.startsWith(PREFIX) || token.length() <= idEnd + 1 || token.charAt(idEnd) != '_') {
            return Optional.empty();
        }
        String id = token.substring(PREFIX.length(), idEnd);
        byte[] presented = sha256(token.substring(idEnd + 1));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + COLUMNS + ", secret_hash FROM api_keys WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                byte[] stored = HexFormat.of().parseHex(rows.getString("secret_hash"));
                ApiKey key = toKey(rows);
                return MessageDigest.isEqual(stored, presented) && key.active() ? Optional.of(key) : Optional.empty();
            }
        }
    }

    private static String checkedName(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new IllegalArgumentException("the key needs a name that says who holds it");
        }
        if (clean.length() > MAX_NAME) {
            throw new IllegalArgumentException("the name may have at most " + MAX_NAME + " characters");
        }
        return clean;
    }

    private static List<ApiKey> read(PreparedStatement select) throws SQLException {
        List<ApiKey> keys = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(toKey(rows));
            }
        }
        return keys;
    }

    private static ApiKey toKey(ResultSet row) throws SQLException {
        OffsetDateTime revoked = row.getObject("revoked", OffsetDateTime.class);
        return new ApiKey(row.getString("id"), row.getString("name"), Role.of(row.getString("role")).orElseThrow(),
                row.getObject("created", OffsetDateTime.class).toInstant(), revoked == null ? null : revoked.toInstant());
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
