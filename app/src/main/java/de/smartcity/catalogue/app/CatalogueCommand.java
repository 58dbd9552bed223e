package de.smartcity.catalogue.app;

import de.smartcity.catalogue.model.InvalidFileException;
import de.smartcity.catalogue.model.Source;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The command line: {@code demo}, {@code serve}, {@code ingest --once}, {@code reindex}, {@code tag}, {@code apikey}.
 * A thin entry point; each command lives in its own class.
 */
public final class CatalogueCommand {
    static final String USAGE = """
            Usage: bin/catalogue <command> [options]

              demo                       local Elasticsearch, bundled demo sources, one ingest, then serve
              serve [--sources FILE]     poll every source on its interval and serve the API
              ingest --once [--sources FILE]
                                         poll every source once, print a summary per source, exit
              reindex                    link news to projects again, rebuild the search indices from the database
                                         and switch their aliases
              tag                        read JSON lines {"title","summary","city"} on stdin, write themes and place
              apikey create --role editor|admin --name "…"
                                         make an API key for the write side; it is printed once
              apikey revoke <id>         revoke a key from now on
              apikey list                every key with id, role, name and whether it is active (never the key)

            Settings come from environment variables (see README), e.g. CATALOGUE_HTTP_PORT=8080.
            """;

    private CatalogueCommand() {
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = run(args);
        } catch (InvalidFileException e) {
            System.err.println(e.getMessage());
            exitCode = 2;
        } catch (Exception e) {
            System.err.println("catalogue: " + e.getMessage());
            e.printStackTrace(System.err);
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    static int run(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.print(USAGE);
            return 2;
        }
        List<String> options = Arrays.asList(args).subList(1, args.length);
        return switch (args[0]) {
            case "demo" -> Serve.demo();
            case "serve" -> Serve.serve(Catalogue.configuredSources(option(options, "--sources")));
            case "ingest" -> {
                if (!options.contains("--once")) {
                    System.err.println("ingest needs --once (use 'serve' to poll on a schedule)");
                    yield 2;
                }
                yield IngestOnce.run(Catalogue.configuredSources(option(options, "--sources")), System.out);
            }
            case "reindex" -> Reindex.run(Catalogue.configuredSources(option(options, "--sources")));
            case "tag" -> TagCommand.run(System.in, System.out);
            case "apikey" -> ApiKeyCommand.run(options, System.out, System.err);
            case "help", "--help", "-h" -> {
                System.out.print(USAGE);
                yield 0;
            }
            default -> {
                System.err.print("Unknown command '" + args[0] + "'.\n\n" + USAGE);
                yield 2;
            }
        };
    }

    static Optional<String> option(List<String> options, String name) {
        int at = options.indexOf(name);
        if (at >= 0 && at + 1 < options.size()) {
            return Optional.of(options.get(at + 1));
        }
        return Optional.empty();
    }

    static List<String> ids(List<Source> sources) {
        return sources.stream().map(Source::id).toList();
    }
}
