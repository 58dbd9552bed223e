package de.smartcity.catalogue.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A Markdown table built row by row; the benchmarks print their results as these. */
final class MarkdownTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    MarkdownTable(String... header) {
        this.header = List.of(header);
    }

    MarkdownTable row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell instanceof Double number ? format(number) : String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    void print(PrintStream out) {
        out.println("| " + String.join(" | ", header) + " |");
        out.println("|" + " --- |".repeat(header.size()));
        rows.forEach(row -> out.println("| " + String.join(" | ", row) + " |"));
        out.println();
    }

    /** How a target fared, in bold. */
    static String verdict(boolean met) {
        return met ? "**met**" : "**not met**";
    }

    /** Numbers as people read them: thousands grouped, fewer decimals the bigger they are. */
    static String format(double number) {
        String pattern = Math.abs(number) >= 100 ? "%,.0f" : Math.abs(number) >= 10 ? "%,.1f" : "%,.2f";
        return String.format(Locale.ROOT, pattern, number);
    }
}
