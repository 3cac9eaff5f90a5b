package dev.stoa.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stoa.app.support.ApiTest;
import dev.stoa.app.support.ProblemRecorder;
import dev.stoa.app.support.ProblemRecorder.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document against behaviour, for answers: every member of every JSON answer an operation gave during the
 * whole test run (recorded by {@link ProblemRecorder}) is declared by that operation's response schema for the status,
 * with a type the schema allows; a {@code null} only where the schema allows null. A strict generated client (Kotlin,
 * Swift, Rust) fails on a null in a member typed as a plain string, and drops or refuses a member the schema lacks.
 * Runs last, with {@link DocumentedProblemsIT}, so it sees the whole run.
 */
@Order(Integer.MAX_VALUE)
class DocumentedShapesIT extends ApiTest {

    @Test
    void everyMemberOfEveryAnswerIsDeclaredWithItsType() {
        provokeSome();
        JsonNode document = api.get("/v3/api-docs").body();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<Shape, Set<String>> answer : ProblemRecorder.shapes().entrySet()) {
            Shape shape = answer.getKey();
            JsonNode schema = responseSchema(document, shape);
            if (schema == null) continue; // not a documented operation (actuator, the dev mailbox, an unknown path)
            String operationName = shape.method() + " " + shape.route() + " " + shape.status();
            if (schema.isMissingNode()) {
                wrong.add(operationName + ": no " + shape.mediaType() + " schema for this status");
                continue;
            }
            checked++;
            List<String> failedPaths = new ArrayList<>();
            for (String member : new TreeSet<>(answer.getValue())) {
                int colon = member.lastIndexOf(':');
                String path = member.substring(0, colon);
                if (failedPaths.stream().anyMatch(failed -> path.startsWith(failed + ".") || path.startsWith(failed + "[]"))) {
                    continue; // under a member already found wrong
                }
                String why = check(document, schema, segments(path), 0, member.substring(colon + 1));
                if (why != null) {
                    failedPaths.add(path);
                    wrong.add(operationName + ": " + member + ": " + why);
                }
            }
        }
        assertThat(checked).as("JSON answers of documented operations recorded over the run").isGreaterThanOrEqualTo(5);
        assertThat(wrong).as("answers' members the operation's response schema does not declare as sent").isEmpty();
    }

    /**
     * The other side: every member a response schema lists as {@code required} was there in every answer of the run
     * that has that schema (a generated client types a required member as present).
     */
    @Test
    void everyRequiredMemberIsInEveryAnswer() {
        provokeSome();
        JsonNode document = api.get("/v3/api-docs").body();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<Shape, Map<String, Set<String>>> answer : ProblemRecorder.alwaysPresent().entrySet()) {
            Shape shape = answer.getKey();
            JsonNode schema = responseSchema(document, shape);
            if (schema == null || schema.isMissingNode()) continue; // the other test reports a missing one
            for (Map.Entry<String, Set<String>> object : new java.util.TreeMap<>(answer.getValue()).entrySet()) {
                List<JsonNode> candidates = new ArrayList<>();
                schemasAt(document, schema, segments(object.getKey()), 0, candidates);
                List<String> missing = null;
                for (JsonNode candidate : candidates) {
                    List<String> lacking = new ArrayList<>();
                    candidate.path("required").forEach(r -> { if (!object.getValue().contains(r.asText())) lacking.add(r.asText()); });
                    if (candidate.has("required")) checked++;
                    if (missing == null || lacking.size() < missing.size()) missing = lacking;
                }
                if (missing != null && !missing.isEmpty())
                    wrong.add(shape.method() + " " + shape.route() + " " + shape.status() + ": " + object.getKey()
                            + " lacked " + missing + " in some answer");
            }
        }
        assertThat(checked).as("objects of answers whose schema lists required members").isGreaterThanOrEqualTo(5);
        assertThat(wrong).as("required members some answer did not have").isEmpty();
    }

    /**
     * The schema the document gives the answer's status and media type (or any media type), a missing node when it gives
     * none; null when the operation is not in the document.
     */
    private static JsonNode responseSchema(JsonNode document, Shape shape) {
        JsonNode operation = DocumentedProblemsIT.operation(document.path("paths"), shape.method(), shape.route());
        if (operation == null) return null;
        JsonNode content = operation.path("responses").path(Integer.toString(shape.status())).path("content");
        JsonNode schema = content.path(shape.mediaType()).path("schema");
        return schema.isMissingNode() ? content.path("*/*").path("schema") : schema;
    }

    /** The object schemas the document allows at this path (each branch of a oneOf, anyOf or allOf). */
    private static void schemasAt(JsonNode document, JsonNode schema, List<String> path, int at, List<JsonNode> found) {
        schema = resolve(document, schema);
        for (String combinator : List.of("oneOf", "anyOf", "allOf"))
            for (JsonNode branch : schema.path(combinator)) schemasAt(document, branch, path, at, found);
        if (at == path.size()) {
            if (schema.has("properties")) found.add(schema);
            return;
        }
        String segment = path.get(at);
        if (segment.equals("[]")) {
            if (schema.has("items")) schemasAt(document, schema.get("items"), path, at + 1, found);
            return;
        }
        JsonNode property = schema.path("properties").path(segment);
        if (!property.isMissingNode()) schemasAt(document, property, path, at + 1, found);
        else if (schema.path("additionalProperties").isObject())
            schemasAt(document, schema.get("additionalProperties"), path, at + 1, found);
    }

    /**
     * A schema with members says it is an object: without a type, JSON Schema takes null for it, and a member typed
     * by it alone would not be the never-null it is promised to be (ObjectTypes).
     */
    @Test
    void everySchemaWithMembersIsTypedAnObject() {
        List<String> untyped = new ArrayList<>();
        untypedObjects(api.get("/v3/api-docs").body(), "$", untyped);
        assertThat(untyped).as("schemas with properties and no type").isEmpty();
    }

    private static void untypedObjects(JsonNode node, String where, List<String> untyped) {
        if (node.isObject()) {
            if (node.path("properties").isObject() && !node.path("properties").isEmpty() && !node.has("type")
                    && !where.endsWith(".properties") && !where.contains(".examples") && !where.contains(".example"))
                untyped.add(where);
            node.fields().forEachRemaining(f -> untypedObjects(f.getValue(), where + "." + f.getKey(), untyped));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) untypedObjects(node.get(i), where + "[" + i + "]", untyped);
        }
    }

    /** Answers with nulls and nested lists, so this test means something when run alone. */
    private void provokeSome() {
        String vendor = tokenFor("vendor");
        Map<String, Object> product = dev.stoa.app.support.Catalog.product(unique("SHAPE"), "Shape", 100, null, "B");
        String id = api.post("/api/v1/products", product, vendor).body().path("id").asText();
        api.get("/api/v1/products/" + id);
        api.get("/api/v1/products?limit=5");
        api.get("/api/v1/search?q=shape");
        api.get("/api/v1/products/" + java.util.UUID.randomUUID());
        // a course without a description answers it null (typed a plain string until a walkthrough, 2026-12-07)
        String instructor = tokenFor("instructor");
        String course = api.post("/api/v1/courses", Map.of("title", "Shapes", "priceCents", 0, "currency", "USD"),
                instructor).body().path("courseId").asText();
        assertThat(api.get("/api/v1/courses/" + course, instructor).body().get("description").isNull()).isTrue();
    }

    /** {@code $.items[].name} as {@code [items, [], name]}. */
    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        String rest = path.substring(1); // after $
        while (!rest.isEmpty()) {
            if (rest.startsWith("[]")) {
                segments.add("[]");
                rest = rest.substring(2);
            } else { // .name up to the next . or []
                int end = 1;
                while (end < rest.length() && rest.charAt(end) != '.' && !rest.startsWith("[]", end)) end++;
                segments.add(rest.substring(1, end));
                rest = rest.substring(end);
            }
        }
        return segments;
    }

    /** Null when the schema declares the member at this path with this JSON type, else why not. */
    private static String check(JsonNode document, JsonNode schema, List<String> path, int at, String type) {
        schema = resolve(document, schema);
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            if (!schema.has(combinator)) continue;
            String why = null;
            int accepting = 0;
            for (JsonNode branch : schema.get(combinator)) {
                String branchWhy = check(document, branch, path, at, type);
                if (branchWhy == null) accepting++;
                else why = branchWhy;
            }
            // a oneOf takes a value one branch takes, not two (a null that both {$ref} and {type: null} took was
            // refused by standard validators; ObjectTypes); along the way to a member, one is enough to follow
            if (combinator.equals("oneOf") && at == path.size() && accepting > 1)
                return "taken by " + accepting + " branches of a oneOf";
            if (accepting > 0) return null; // allOf too: one part declaring the member is enough here
            if (!schema.has("properties") && !schema.has("items") && !schema.has("type")) return why;
        }
        if (at == path.size()) return typeAllowed(schema, type) ? null : "declared as " + declaredType(schema);
        String segment = path.get(at);
        if (segment.equals("[]")) {
            JsonNode items = schema.path("items");
            if (items.isMissingNode()) return anything(schema) ? null : "elements of something not declared as an array";
            return check(document, items, path, at + 1, type);
        }
        JsonNode property = schema.path("properties").path(segment);
        if (!property.isMissingNode()) return check(document, property, path, at + 1, type);
        JsonNode additional = schema.path("additionalProperties");
        if (additional.isObject()) return check(document, additional, path, at + 1, type);
        if (additional.asBoolean(false) || anything(schema)) return null;
        return "not declared";
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText(); // #/components/schemas/Name
            schema = document.at(ref.substring(1));
        }
        return schema;
    }

    /** A schema that says nothing of its shape (a JsonNode, an Object): anything goes. */
    private static boolean anything(JsonNode schema) {
        return !schema.has("type") && !schema.has("properties") && !schema.has("items") && !schema.has("oneOf")
                && !schema.has("anyOf") && !schema.has("allOf") && !schema.has("$ref");
    }

    private static boolean typeAllowed(JsonNode schema, String type) {
        if (anything(schema)) return true;
        Set<String> declared = declaredTypes(schema);
        if (declared.isEmpty()) return !type.equals("null"); // properties or items without a type: not null
        return declared.contains(type) || (type.equals("integer") && declared.contains("number"));
    }

    private static Set<String> declaredTypes(JsonNode schema) {
        Set<String> declared = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) declared.add(type.asText());
        else type.forEach(each -> declared.add(each.asText()));
        if (schema.path("nullable").asBoolean(false)) declared.add("null");
        return declared;
    }

    private static String declaredType(JsonNode schema) {
        Set<String> declared = declaredTypes(schema);
        return declared.isEmpty() ? "an object or array, not null" : String.join(" or ", declared);
    }
}
