package dev.census.cli;

/** A count with its noun in the right number: "1 report", "2 reports". */
final class Plural {

    private Plural() {
    }

    static String of(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
