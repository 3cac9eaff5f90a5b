package dev.stoa.app.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.crypto.tink.Aead;
import dev.stoa.api.platform.PersonalData;
import dev.stoa.api.platform.PersonalDataUnavailable;
import java.security.GeneralSecurityException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Opens the personal fields sealed in a stored payload or a rebuilt state, for audit answers, where nothing says
 * whose field a value is. A sealed value opens only with its owner's key and its owner's id as associated data, so
 * every user id the tree or its envelope names is tried; a wrong one never opens a value. A value reads as
 * {@link PersonalData#ERASED} when one of those users was erased and no other opens it (erasure holds in every
 * audit answer), and as {@link #UNKNOWN_OWNER} when none of them is its owner. Nothing else is changed: TOTP secrets
 * ({@code s2:}) and hashed codes stay as they were stored.
 */
@Component
public class SealedFields {
    /** A sealed value none of the ids in sight opens. */
    public static final String UNKNOWN_OWNER = "[sealed]";
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final PersonalKeys keys;

    SealedFields(PersonalKeys keys) { this.keys = keys; }

    /** Whether the tree holds any sealed personal value (most events hold none: no key is looked up for them). */
    public static boolean anySealed(JsonNode tree) {
        if (tree == null) return false;
        if (tree.isTextual()) return prefixOf(tree.textValue()) != null;
        for (JsonNode child : tree) if (anySealed(child)) return true;
        return false;
    }

    /**
     * A copy of {@code tree} with every sealed value opened (or marked), trying as owners {@code owners} and every
     * UUID found in the tree itself. The tree is returned as it is when it holds nothing sealed.
     */
    public JsonNode open(JsonNode tree, Collection<String> owners) { return opener().open(tree, owners); }

    /**
     * An opener for one answer of many entries (a page, an export): each user's key is looked up once for all of
     * them. Use it for one answer only: an erasure after that is not seen by it.
     */
    public Opener opener() { return new Opener(); }

    /** Opens the sealed values of the trees of one answer, remembering the keys it looked up. */
    public final class Opener {
        private final Map<String, Optional<Aead>> aeads = new HashMap<>();
        private final Set<String> erased = new HashSet<>();

        private Opener() {}

        /** As {@link SealedFields#open}. */
        public JsonNode open(JsonNode tree, Collection<String> owners) {
            if (!anySealed(tree)) return tree;
            Set<String> candidates = new LinkedHashSet<>();
            for (String owner : owners) if (owner != null && !owner.isBlank()) candidates.add(owner);
            collectIds(tree, candidates);
            return openIn(tree.deepCopy(), candidates);
        }

        private JsonNode openIn(JsonNode node, Set<String> candidates) {
            if (node instanceof ObjectNode object) {
                object.properties().forEach(field -> field.setValue(openIn(field.getValue(), candidates)));
                return object;
            }
            if (node instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) array.set(i, openIn(array.get(i), candidates));
                return array;
            }
            if (node.isTextual() && prefixOf(node.textValue()) != null) return TextNode.valueOf(open(node.textValue(), candidates));
            return node;
        }

        /**
         * A client's label in an event's metadata (its {@code X-Correlation-Id}, {@code Idempotency-Key}), sent by the
         * user {@code owner}: opened when sealed; {@link PersonalData#ERASED} once they were erased, also one stored in
         * clear before labels were sealed (2026-12-07); as it is otherwise (a request nobody signed in made).
         */
        public String label(String value, String owner) {
            if (value == null) return null;
            boolean someone = owner != null && UUID.matcher(owner).matches();
            if (prefixOf(value) != null) return open(value, someone ? Set.of(owner) : Set.of());
            if (someone) {
                aeads.computeIfAbsent(owner, this::lookUp);
                if (erased.contains(owner)) return PersonalData.ERASED;
            }
            return value;
        }

        private String open(String sealed, Set<String> candidates) {
            String prefix = prefixOf(sealed);
            boolean anyErased = false;
            for (String id : candidates) {
                Optional<Aead> aead = aeads.computeIfAbsent(id, this::lookUp);
                if (aead.isEmpty()) {
                    anyErased |= erased.contains(id);
                    continue;
                }
                try {
                    return Keysets.open(aead.get(), sealed, prefix, Keysets.utf8(id));
                } catch (GeneralSecurityException | IllegalArgumentException notThisOwner) {
                    // bound to another user: try the next one
                }
            }
            return anyErased ? PersonalData.ERASED : UNKNOWN_OWNER;
        }

        private Optional<Aead> lookUp(String id) {
            try {
                Aead aead = keys.keysOf(id, false);
                if (aead == null) erased.add(id);
                return Optional.ofNullable(aead);
            } catch (PersonalDataUnavailable noKey) {
                return Optional.empty();
            }
        }
    }

    private static void collectIds(JsonNode node, Set<String> into) {
        if (node.isTextual() && UUID.matcher(node.textValue()).matches()) into.add(node.textValue());
        for (JsonNode child : node) collectIds(child, into);
    }

    private static String prefixOf(String value) {
        if (value == null) return null;
        if (value.startsWith(JdbcPersonalData.SEALED)) return JdbcPersonalData.SEALED;
        if (value.startsWith(JdbcPersonalData.LEGACY)) return JdbcPersonalData.LEGACY;
        return null;
    }
}
