package de.smartcity.catalogue.app;

import com.zaxxer.hikari.HikariDataSource;
import de.smartcity.catalogue.model.Role;
import de.smartcity.catalogue.routes.store.ApiKey;
import de.smartcity.catalogue.routes.store.ApiKeyStore;
import de.smartcity.catalogue.routes.store.IssuedKey;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * {@code apikey create --role editor|admin --name "…"}, {@code apikey revoke <id>}, {@code apikey list}: the keys of
 * the write side, on the database alone. A key is printed once, at creation; the database holds only its hash.
 */
final class ApiKeyCommand {
    static final String USAGE = """
            Usage: bin/catalogue apikey create --role editor|admin --name "who holds it"
                   bin/catalogue apikey revoke <id>
                   bin/catalogue apikey list
            """;

    private ApiKeyCommand() {
    }

    static int run(List<String> arguments, PrintStream out, PrintStream err) throws Exception {
        if (arguments.isEmpty()) {
            err.print(USAGE);
            return 2;
        }
        try (HikariDataSource database = Catalogue.openDatabase()) {
            ApiKeyStore keys = new ApiKeyStore(database);
            List<String> options = arguments.subList(1, arguments.size());
            return switch (arguments.getFirst()) {
                case "create" -> create(keys, options, out, err);
                case "revoke" -> revoke(keys, options, out, err);
                case "list" -> list(keys, out);
                default -> {
                    err.print("Unknown apikey command '" + arguments.getFirst() + "'.\n" + USAGE);
                    yield 2;
                }
            };
        }
    }

    private static int create(ApiKeyStore keys, List<String> options, PrintStream out, PrintStream err) throws Exception {
        Optional<String> roleId = CatalogueCommand.option(options, "--role");
        Optional<Role> role = roleId.flatMap(Role::of);
        if (role.isEmpty()) {
            err.print("apikey create needs --role editor or --role admin" + roleId.map(id -> " (was '" + id + "')").orElse("")
                    + ".\n" + USAGE);
            return 2;
        }
        IssuedKey issued;
        try {
            issued = keys.create(CatalogueCommand.option(options, "--name").orElse(""), role.get(), Clock.systemUTC().instant());
        } catch (IllegalArgumentException e) {
            err.print("apikey create: " + e.getMessage() + " (--name).\n" + USAGE);
            return 2;
        }
        out.printf("Created key %s for %s with the role %s. Send it as 'Authorization: Bearer <key>'; it is shown only "
                + "this once:%n%s%n", issued.key().id(), issued.key().name(), issued.key().role().id(), issued.token());
        return 0;
    }

    private static int revoke(ApiKeyStore keys, List<String> options, PrintStream out, PrintStream err) throws Exception {
        if (options.size() != 1) {
            err.print("apikey revoke takes the key's id, as 'apikey list' shows it.\n" + USAGE);
            return 2;
        }
        Optional<ApiKey> revoked = keys.revoke(options.getFirst(), Clock.systemUTC().instant());
        if (revoked.isEmpty()) {
            err.println("No API key with id '" + options.getFirst() + "'.");
            return 1;
        }
        out.printf("Revoked key %s (%s) as of %s.%n", revoked.get().id(), revoked.get().name(), revoked.get().revoked());
        return 0;
    }

    private static int list(ApiKeyStore keys, PrintStream out) throws Exception {
        List<ApiKey> all = keys.list();
        if (all.isEmpty()) {
            out.println("No API keys yet; create one with 'apikey create --role editor --name \"…\"'.");
        }
        for (ApiKey key : all) {
            out.printf("%-12s  %-6s  created %s  %-30s  %s%n", key.id(), key.role().id(), key.created(),
                    key.active() ? "active" : "revoked " + key.revoked(), key.name());
        }
        return 0;
    }
}
