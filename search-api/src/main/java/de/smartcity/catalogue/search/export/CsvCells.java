package de.smartcity.catalogue.search.export;

import java.util.List;

/**
 * CSV as RFC 4180 writes it, made safe for spreadsheet programs: a cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return would be taken for a formula, so it gets a leading apostrophe
 * (OWASP, "CSV Injection"); a cell with a comma, a quote or a line break is quoted, its quotes doubled.
 */
public final class CsvCells {
    public static final String LINE_END = "\r\n";

    private CsvCells() {
    }

    /** One record: the cells, each neutralised and quoted as needed, separated by commas, ended by CRLF. */
    public static String row(List<String> cells) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                row.append(',');
            }
            row.append(cell(cells.get(i)));
        }
        return row.append(LINE_END).toString();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = startsLikeAFormula(value) ? "'" + value : value;
        if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
            return safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    private static boolean startsLikeAFormula(String value) {
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> true;
            default -> false;
        };
    }
}
