package dev.stoa.app.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Text a request body may carry: every string a JSON body is read into is checked here, and one with the NUL character
 * (U+0000, sent escaped as {@code \u0000}) or a lone UTF-16 surrogate is refused as 400 {@code validation_failed} naming
 * the field ({@link ProblemHandler}). PostgreSQL's text cannot hold NUL and Elasticsearch refuses it in a document:
 * accepted, such a value was stored in the event (201) and then stopped the read models and the search index that
 * took it in. Nor are other control characters but tab, line feed and carriage return (a newline in a description
 * stays allowed; since 2026-12-07). A Jackson
 * module on Spring's {@code ObjectMapper} (the HTTP bodies'); the event store's serializer has a mapper of its own.
 * Query parameters are checked by the firewall ({@code FirewallCharacters}).
 */
@Component
public class StorableText extends SimpleModule {
    /** Why a body's text was refused; its path names the field. */
    public static final class Refused extends JsonMappingException {
        Refused(JsonParser p, String message) { super(p, message); }
    }

    public StorableText() {
        super("stoa-storable-text");
        addDeserializer(String.class, new StdScalarDeserializer<>(String.class) {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String value = StringDeserializer.instance.deserialize(p, ctxt);
                String why = value == null ? null : whyNot(value);
                if (why != null) throw new Refused(p, why);
                return value;
            }

            @Override
            public boolean isCachable() { return true; }
        });
    }

    static final String CONTROL = "must not contain control characters other than tab, line feed and carriage return";

    /**
     * A control character that no text of the API carries: C0 but tab, line feed and carriage return, DEL, and C1. An
     * escape sequence ({@code ESC [31m}) or a bell in a name, an address or a refund's reason went to the mails, the
     * exports and the staff's terminals as sent (before 2026-12-07; found by a walkthrough).
     */
    private static boolean control(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }

    /** Null when {@code s} can be stored; otherwise what is wrong with it. */
    public static String whyNot(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == 0) return "must not contain the NUL character (U+0000)";
            if (control(c)) return CONTROL;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) i++;
                else return "must not contain a lone UTF-16 surrogate";
            } else if (Character.isLowSurrogate(c)) {
                return "must not contain a lone UTF-16 surrogate";
            }
        }
        return null;
    }
}
