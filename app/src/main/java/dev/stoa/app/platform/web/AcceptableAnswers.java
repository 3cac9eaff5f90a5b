package dev.stoa.app.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.yaml.MappingJackson2YamlHttpMessageConverter;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * An {@code Accept} header that no answer of the endpoint can meet is refused with 406 {@code not_acceptable}
 * <em>before</em> the handler runs. Spring MVC finds that out only when it writes the answer: a write had then
 * happened (a voucher redeemed, an order placed and paid from the wallet) and its client read 406, "not done", and
 * the {@link IdempotencyFilter} kept that 406 for the key, so the client's retry with an acceptable header was
 * answered 406 again, for 24 hours (found by a walkthrough, 2026-12-06). A refusal here ran nothing, so the filter
 * keeps no answer for it ({@link RefusedBeforeTheHandler}): the retry runs.
 * <p>
 * Endpoints that declare what they produce ({@code produces}, such as a certificate's PDF) are matched by Spring MVC
 * before this runs. The others answer JSON (and a problem as {@code application/problem+json}); the API speaks no
 * YAML, so Spring's YAML converter (registered because the YAML library is on the class path for configuration) is
 * removed: it answered {@code Accept: application/yaml} with a representation the OpenAPI document never names. Nor is
 * any other JSON-based type an answer ({@link #otherJson}).
 */
@Configuration
class AcceptableAnswers implements WebMvcConfigurer, HandlerInterceptor {
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private final ObjectProvider<RequestMappingHandlerAdapter> adapter; // its converters: those that write the answer
    private final ObjectProvider<ContentNegotiationManager> negotiation;
    private final Map<HandlerMethod, Class<?>> bodies = new ConcurrentHashMap<>();
    /** Looked up once, at the first request (every request passes here: not a bean lookup each time). */
    private volatile ContentNegotiationManager negotiationManager;
    private volatile List<HttpMessageConverter<?>> writers;

    AcceptableAnswers(ObjectProvider<RequestMappingHandlerAdapter> adapter,
                      ObjectProvider<ContentNegotiationManager> negotiation) {
        this.adapter = adapter;
        this.negotiation = negotiation;
    }


    @Override
    public void addInterceptors(InterceptorRegistry registry) { registry.addInterceptor(this); }

    /**
     * The media types of {@code Accept} without their parameters (but {@code q}): Spring answers the first acceptable
     * type as the client wrote it, so {@code Accept: application/json; version=2} was answered
     * {@code Content-Type: application/json;version=2} (a version, a profile the platform does not have), under the
     * same ETag as the plain answer, before 2026-12-07 (walkthrough Z43). The API has one representation of each answer.
     */
    @Override
    public void configureContentNegotiation(org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer configurer) {
        org.springframework.web.accept.HeaderContentNegotiationStrategy header =
                new org.springframework.web.accept.HeaderContentNegotiationStrategy();
        configurer.strategies(List.of(request -> {
            List<MediaType> types = header.resolveMediaTypes(request);
            // every request negotiates: the list as parsed unless a type has parameters to drop
            for (MediaType type : types)
                if (!type.getParameters().isEmpty()) return types.stream().map(AcceptableAnswers::withoutParameters).toList();
            return types;
        }));
    }

    static MediaType withoutParameters(MediaType type) {
        if (type.getParameters().isEmpty()) return type;
        String q = type.getParameter("q");
        return q == null ? new MediaType(type.getType(), type.getSubtype())
                : new MediaType(type.getType(), type.getSubtype(), Map.of("q", q));
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> list) {
        list.removeIf(c -> c instanceof MappingJackson2YamlHttpMessageConverter);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotAcceptableException {
        if (!(handler instanceof HandlerMethod method)) return true;
        if (request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) instanceof Set<?> declared)
            return declaredTypeAccepted(request, declared); // matched by Spring, which takes no account of q=0
        Class<?> body = bodies.computeIfAbsent(method, AcceptableAnswers::bodyType);
        if (body == Void.class) return true; // no body: nothing to negotiate
        // a body whose type the handler picks as it answers (a lesson's media: video/mp4, a PDF...): Spring negotiates it
        // then (a read; nothing ran that a refusal would hide); asked here, every explicit Accept but */* was 406, the
        // file's own type too (found by a walkthrough, 2026-12-06, sixth session)
        if (body == Object.class) return true;
        List<MediaType> accepted;
        try {
            accepted = negotiationManager().resolveMediaTypes(new ServletWebRequest(request));
        } catch (HttpMediaTypeNotAcceptableException malformed) {
            RefusedBeforeTheHandler.mark(request);
            throw malformed;
        }
        if (accepted.isEmpty()) return true;
        // q=0 is "not acceptable" (RFC 9110 12.4.2); a problem type is for refusals, never an answer's body
        List<MediaType> wanted = accepted.stream().filter(t -> t.getQualityValue() > 0)
                .filter(t -> t.isWildcardSubtype() || !PROBLEM.isCompatibleWith(t)).toList();
        boolean refusesSome = wanted.size() < accepted.size();
        if (!refusesSome && wanted.stream().anyMatch(MediaType.ALL::equalsTypeAndSubtype)) return true;
        Set<MediaType> producible = new LinkedHashSet<>();
        for (HttpMessageConverter<?> converter : writers()) {
            List<MediaType> types = converter.getSupportedMediaTypes(body);
            if (refusesSome) {
                // a range refused (q=0) beside a wider one (application/json;q=0, */*): the answer's own type must be
                // met by its most specific range; before 2026-12-06 (seventh session) */* served JSON all the same
                for (MediaType type : types)
                    if (type.isConcrete() && !PROBLEM.isCompatibleWith(type) && accepts(accepted, type)) return true;
            } else {
                for (MediaType type : wanted) if (converter.canWrite(body, type) && !otherJson(type)) return true;
            }
            producible.addAll(types);
        }
        producible.removeIf(t -> !t.isWildcardSubtype() && PROBLEM.isCompatibleWith(t));
        // nor the converter's application/*+json, which the API does not answer in ({@link #otherJson}): the 406 listed
        // it beside application/json while refusing application/hal+json (walkthrough Z18)
        producible.removeIf(t -> "*+json".equals(t.getSubtype()));
        RefusedBeforeTheHandler.mark(request);
        throw new HttpMediaTypeNotAcceptableException(List.copyOf(producible));
    }

    /**
     * An operation that declares what it produces (a certificate's PDF) was matched by Spring against the Accept ranges,
     * with no account of a weight of 0: one of its types must also be met by its most specific range
     * ({@code application/pdf;q=0, *}{@code /*} is 406; it was served the PDF before 2026-12-06, seventh session).
     */
    private boolean declaredTypeAccepted(HttpServletRequest request, Set<?> declared) throws HttpMediaTypeNotAcceptableException {
        List<MediaType> accepted = negotiationManager().resolveMediaTypes(new ServletWebRequest(request));
        if (accepted.stream().allMatch(t -> t.getQualityValue() > 0)) return true;
        List<MediaType> types = declared.stream().filter(MediaType.class::isInstance).map(MediaType.class::cast).toList();
        if (types.stream().anyMatch(t -> accepts(accepted, t))) return true;
        RefusedBeforeTheHandler.mark(request);
        throw new HttpMediaTypeNotAcceptableException(types);
    }

    /**
     * A JSON-based type the API does not speak ({@code application/hal+json}, {@code application/vnd.api+json}): Spring's
     * JSON converter writes every {@code application/*+json} and labelled plain JSON as the type asked for, which a HAL or
     * JSON:API client parses by that type's rules (found by a walkthrough, 2026-12-07; now 406, or JSON labelled as JSON
     * beside a range that takes it, {@link SuccessIsNoProblem}). The problem type is judged apart, above.
     */
    static boolean otherJson(MediaType type) {
        return type.isConcrete() && "json".equals(type.getSubtypeSuffix())
                && !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type);
    }

    /**
     * Whether an answer of {@code type} meets these {@code Accept} ranges: the most specific range that includes it
     * decides (RFC 9110 12.5.1: {@code text/html;q=0, text/*} refuses HTML and takes plain text), and its weight 0 refuses
     * it. No range at all accepts anything.
     */
    static boolean accepts(List<MediaType> ranges, MediaType type) {
        return ranges.isEmpty() || AcceptRanges.quality(ranges, type) > 0;
    }

    private ContentNegotiationManager negotiationManager() {
        ContentNegotiationManager manager = negotiationManager;
        if (manager == null) negotiationManager = manager = negotiation.getObject();
        return manager;
    }

    private List<HttpMessageConverter<?>> writers() {
        List<HttpMessageConverter<?>> list = writers;
        if (list == null) writers = list = List.copyOf(adapter.getObject().getMessageConverters());
        return list;
    }

    /** What the handler answers in its body; {@code Void} for none. */
    private static Class<?> bodyType(HandlerMethod method) {
        ResolvableType type = ResolvableType.forMethodReturnType(method.getMethod());
        Class<?> raw = type.resolve(Object.class);
        if (raw == void.class || raw == Void.class) return Void.class;
        if (HttpEntity.class.isAssignableFrom(raw)) {
            Class<?> inner = type.as(HttpEntity.class).getGeneric(0).resolve(Object.class);
            return inner == Void.class ? Void.class : inner;
        }
        return raw;
    }
}
