package dev.stoa.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.regex.Pattern;

/**
 * Hides the secrets an aggregate keeps, so that an audit answer shows neither them nor their hashes (a hash of a
 * short code is as good as the code to whoever can try them all): password and one-time code hashes, sealed TOTP
 * secrets and recovery code hashes ({@code UserAccount}) and refresh token ids ({@code TokenFamily}). A field is hidden
 * by its name (any name with hash, secret, password or token in it), and any value by its form
 * (a sealed secret {@code s2:…}, a BCrypt hash). A hidden value reads {@value #MASK}; null stays null, and a list
 * keeps its length and its nulls, so whether a secret is set (MFA on, recovery codes left) still shows.
 */
final class SecretMask {
    static final String MASK = "[secret]";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(hash|secret|password|token).*");
    private static final Pattern SECRET_VALUE = Pattern.compile("^(s2:|\\$2[abxy]?\\$\\d\\d\\$).*", Pattern.DOTALL);

    private SecretMask() {}

    /** {@code tree} with every secret replaced, in place. */
    static JsonNode hide(JsonNode tree) {
        if (tree instanceof ObjectNode object) {
            object.properties().forEach(field -> field.setValue(secretName(field.getKey())
                    ? masked(field.getValue()) : hide(field.getValue())));
        } else if (tree instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) array.set(i, hide(array.get(i)));
        } else if (tree != null && tree.isTextual() && SECRET_VALUE.matcher(tree.textValue()).matches()) {
            return TextNode.valueOf(MASK);
        }
        return tree;
    }

    /**
     * A voucher's id is no secret: the keyed hash (HMAC) of its code, which nobody without the platform's key can
     * try codes against; it is the voucher's aggregate id, an admin's voucher list shows it, a wallet's entries name
     * it. Until 2026-12-06 it read [secret] in audit payloads, beside the same id as the entry's aggregateId.
     */
    static boolean secretName(String name) { return SECRET_NAME.matcher(name).matches() && !WHEN.matcher(name).matches(); }

    /**
     * When a secret changed is no secret ({@code passwordResetAt}): it read [secret], and an admin could not tell when a
     * password was last reset, before 2026-12-07, sixth session (walkthrough Z28). Its value, an instant, still shows
     * only the time; a value of a secret's form in it would still be hidden by that form.
     */
    private static final Pattern WHEN = Pattern.compile(".*At");

    private static JsonNode masked(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) return value;
        if (value instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) array.set(i, masked(array.get(i)));
            return array;
        }
        return TextNode.valueOf(MASK);
    }
}
