package dev.stoa.projection.catalog.search;

/**
 * Text as a completion field (autocomplete) can take it. Elasticsearch reserves three characters in a completion input
 * for its own markers (U+0000, U+001E, U+001F) and refuses the whole document for one of them: a product or course
 * whose name held one was accepted by the API and then not indexed at all. They read as a space, as the separators they
 * are; the document's other fields keep the text as it is.
 */
public final class CompletionInput {
    private CompletionInput() {}

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
