package dev.stoa.projection.catalog.search;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Text without its accents, in lower case, as shoppers type it: "Crème Brûlée" as "creme brulee", "Über" as "uber",
 * "Straße" as "strasse", and in the letters a phone's keyboard types: full-width "ｃｒｅｍｅ" as "creme", the ligature
 * "ﬁ" as "fi" (compatibility decomposition, NFKD; before 2026-12-07 only the canonical one, so full-width text found
 * nothing). The embedded Elasticsearch node has no {@code asciifolding} filter (its analysis-common module
 * is not on Maven Central), so the search documents carry the folded forms of their words beside the words themselves,
 * and queries are folded before they are matched: a search for "creme" finds "Crème" and one for "crème" finds "Creme".
 */
public final class Folding {
    /** Letters that are not a base letter and a combining accent, so decomposition leaves them as they are. */
    private static final Map<Character, String> LETTERS = Map.ofEntries(Map.entry('ß', "ss"), Map.entry('æ', "ae"),
            Map.entry('œ', "oe"), Map.entry('ø', "o"), Map.entry('ł', "l"), Map.entry('đ', "d"), Map.entry('ð', "d"),
            Map.entry('þ', "th"), Map.entry('ı', "i"));

    private Folding() {}

    /** Lower case without accents; null stays null. */
    public static String folded(String text) {
        if (text == null) return null;
        String lower = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        StringBuilder out = null;
        for (int i = 0; i < lower.length(); i++) {
            String replacement = LETTERS.get(lower.charAt(i));
            if (replacement != null && out == null) out = new StringBuilder(lower.substring(0, i));
            if (out != null) out.append(replacement != null ? replacement : String.valueOf(lower.charAt(i)));
        }
        return out == null ? lower : out.toString();
    }

    /**
     * The folded forms of the words of these texts that folding changes beyond their case, once each, joined by
     * spaces ("Crème Brûlée Torch" gives "creme brulee"); null when there are none, as for plain English.
     */
    public static String foldedWords(String... texts) {
        Set<String> words = new LinkedHashSet<>();
        for (String text : texts) {
            if (text == null) continue;
            for (String word : text.split("[^\\p{L}\\p{M}\\p{N}]+")) {
                if (word.isEmpty()) continue;
                String folded = folded(word);
                if (!folded.equals(word.toLowerCase(Locale.ROOT))) words.add(folded);
            }
        }
        return words.isEmpty() ? null : String.join(" ", words);
    }
}
