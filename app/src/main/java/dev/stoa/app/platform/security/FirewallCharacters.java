package dev.stoa.app.platform.security;

import dev.stoa.app.platform.web.StorableText;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The characters Spring Security's {@link StrictHttpFirewall} allows in header names, header values and parameter
 * names by default, decided by a loop over the code points instead of its regular expressions
 * ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and for values also a tab). The firewall checks a header every time
 * one is read, several times a request; the expressions' matchers were about 5 % of the CPU of a catalog read
 * answered from memory. Same rules: {@code FirewallCharactersTest} compares both on every code point.
 */
final class FirewallCharacters {
    private FirewallCharacters() {}

    /** A header or parameter name: only assigned code points that are not control characters. */
    static boolean nameAllowed(String s) { return allowed(s, false); }

    /** A header value: as a name, and tabs. */
    static boolean headerValueAllowed(String s) { return s == null || allowed(s, true); }

    private static boolean allowed(String s, boolean tab) {
        for (int i = 0, n = s.length(); i < n; ) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) { // printable ASCII: assigned, no control character
                i++;
                continue;
            }
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && cp == '\t'))) return false;
            i += Character.charCount(cp);
        }
        return true;
    }

    /** Spring Security's firewall with these rules; everything else as it comes. */
    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(FirewallCharacters::nameAllowed);
        firewall.setAllowedHeaderValues(FirewallCharacters::headerValueAllowed);
        firewall.setAllowedParameterNames(FirewallCharacters::nameAllowed);
        // a query parameter's value: anything text can hold (PostgreSQL refuses NUL in a query's text: a 500 before)
        firewall.setAllowedParameterValues(v -> v == null || StorableText.whyNot(v) == null);
        return firewall;
    }
}
