package dev.stoa.projection.catalog.search;

/**
 * Text as a completion field (autocomplete) can take it. Elasticsearch reserves three characters in a completion input
 * for its own markers (U+0000, U+001E, U+001F) and refuses the whole document for one of them: a product or course
 * whose name held one was accepted by the API and then not indexed at all. They read as a space, as the separators they
 * are; the document's other fields keep the text as it is.
 */
public final class CompletionInput {
    private CompletionInput() {}

    /**
     * The input, and its folded form where folding changes more than its case ({@link Folding}): autocomplete is asked
     * with the folded prefix, so "crem" completes "Crème Brûlée" and "ub" "Über-Ohr" (before 2026-12-07 only a
     * typo's allowance reached an accented input, and not past its second accent or its first letter; walkthrough).
     */
    public static java.util.stream.Stream<String> withFolded(String input) {
        String folded = Folding.folded(input);
        return folded.equals(input.toLowerCase(java.util.Locale.ROOT)) ? java.util.stream.Stream.of(input)
                : java.util.stream.Stream.of(input, folded);
    }

    /** How many of a name's words its suggestions start from: enough to find it, a small index. */
    public static final int MAX_WORDS = 6;

    /**
     * The name from each of its first {@link #MAX_WORDS} words on ("Wireless Headphones", "Headphones"): a completion
     * only matches from the start of an input, so "hea" finds "Wireless Headphones". A word begins after a space or a
     * hyphen, so "book" completes "Recipe e-Book" and "ohr" "Über-Ohr Kopfhörer" (after spaces only before 2026-12-07;
     * walkthrough Z45).
     */
    public static java.util.stream.Stream<String> fromEachWord(String name) {
        if (name == null) return java.util.stream.Stream.empty();
        String text = name.strip();
        java.util.List<String> starts = new java.util.ArrayList<>();
        for (int i = 0; i < text.length() && starts.size() < MAX_WORDS; i++) {
            if (!separates(text.charAt(i)) && (i == 0 || separates(text.charAt(i - 1)))) starts.add(text.substring(i));
        }
        return starts.stream();
    }

    private static boolean separates(char c) { return Character.isWhitespace(c) || c == '-' || c == '\u2010' || c == '\u2011'; }

    public static String storable(String text) {
        if (text == null) return null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000' || c == '\u001E' || c == '\u001F')
                return text.replace('\u0000', ' ').replace('\u001E', ' ').replace('\u001F', ' ');
        }
        return text;
    }
}
