package de.smartcity.catalogue.routes.evaluation;

/**
 * How often one theme (or all themes together) was assigned rightly, wrongly or missed.
 * A ratio whose denominator is zero counts as 1: no assignment means no wrong assignment.
 */
record ThemeCounts(int truePositives, int falsePositives, int falseNegatives) {

    static final ThemeCounts NONE = new ThemeCounts(0, 0, 0);

    ThemeCounts plus(ThemeCounts other) {
        return new ThemeCounts(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives);
    }

    double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    double f1() {
        double sum = precision() + recall();
        return sum == 0 ? 0 : 2 * precision() * recall() / sum;
    }

    /** How many items carry the theme according to the labels. */
    int support() {
        return truePositives + falseNegatives;
    }

    private static double ratio(int count, int total) {
        return total == 0 ? 1 : (double) count / total;
    }
}
