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
