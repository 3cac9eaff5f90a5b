package dev.stoa.command.notification;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the mail templates under {@code classpath:mail/}: per template name a subject
 * ({@code <name>.subject.txt}), a text body ({@code <name>.txt}) and optionally an HTML body ({@code <name>.html}).
 *
 * <p>Thymeleaf core, not Spring's {@code ${name}} placeholders: the HTML bodies escape what they insert
 * ({@code th:text}, {@code [[...]]}), so a first name like {@code <script>} stays text. Only the core library
 * is used, with an engine of our own: adding the Spring integration would switch on Boot's web view
 * resolution, which an API does not want.
 */
@Component
public class MailTemplates {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final String ROOT = "mail/";
    private final TemplateEngine engine = new TemplateEngine();
    private final ClassLoader classLoader = MailTemplates.class.getClassLoader();

    public MailTemplates() {
        engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 1));
        engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 2));
    }

    private static ClassLoaderTemplateResolver resolver(String pattern, TemplateMode mode, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix(ROOT);
        resolver.setResolvablePatterns(java.util.Set.of(pattern));
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    /** @return whether a template of this name exists (its subject and text body at least) */
    public boolean exists(String templateName) {
        return templateName != null && NAME.matcher(templateName).matches()
                && resource(templateName + ".subject.txt") && resource(templateName + ".txt");
    }

    RenderedMail render(String templateName, Map<String, Object> model) {
        if (!exists(templateName)) throw new IllegalArgumentException("no mail template named " + templateName);
        Context context = new Context(Locale.ENGLISH, model);
        String subject = engine.process(templateName + ".subject.txt", context).replaceAll("\\s+", " ").trim();
        String text = engine.process(templateName + ".txt", context);
        String html = resource(templateName + ".html") ? engine.process(templateName + ".html", context) : null;
        return new RenderedMail(subject, text, html);
    }

    private boolean resource(String name) { return classLoader.getResource(ROOT + name) != null; }
}
