package dev.stoa.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The house rules of CONVENTIONS.md ("The house", "Messages"): dependencies point one way, the command side
 * never sees read models, nothing on the query side sends a command, and every package is a bounded context.
 */
@AnalyzeClasses(packages = "dev.stoa", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final Set<String> CONTEXTS = Set.of("identity", "catalog", "inventory", "cart", "ordering", "payment",
            "wallet", "learning", "review", "notification", "analytics", "audit", "live", "platform");
    private static final Pattern SIDE_PACKAGE = Pattern.compile("dev\\.stoa\\.(api|command|projection|query)(?:\\.([^.]+))?(?:\\..*)?");

    @ArchTest
    static final ArchRule apiIsThePlainContract = noClasses().that().resideInAPackage("dev.stoa.api..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.stoa.command..", "dev.stoa.projection..",
                    "dev.stoa.query..", "dev.stoa.app..", "org.springframework..", "jakarta.persistence..")
            .because("shared-api is plain records: no Spring, no JPA, and it knows none of its users");

    @ArchTest
    static final ArchRule commandSideNeverSeesReadModels = noClasses().that().resideInAPackage("dev.stoa.command..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.stoa.projection..", "dev.stoa.query..", "dev.stoa.app..")
            .because("the command side decides on its own state, never on read models that lag");

    @ArchTest
    static final ArchRule projectionsDependOnlyOnTheContract = noClasses().that().resideInAPackage("dev.stoa.projection..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.stoa.command..", "dev.stoa.query..", "dev.stoa.app..")
            .because("projections build read models from events alone");

    @ArchTest
    static final ArchRule queryNeverTouchesTheCommandSide = noClasses().that().resideInAPackage("dev.stoa.query..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.stoa.command..", "dev.stoa.app..")
            .because("the query side reads what projections built");

    @ArchTest
    static final ArchRule querySideSendsNoCommands = noClasses().that().resideInAPackage("dev.stoa.query..")
            .should().dependOnClassesThat().resideInAPackage("org.axonframework.commandhandling.gateway..")
            .orShould().dependOnClassesThat().areAssignableTo(CommandBus.class)
            .because("nothing on the query side sends a command");

    @ArchTest
    static final ArchRule onlyTheAppKnowsTheApp = noClasses().that().resideOutsideOfPackage("dev.stoa.app..")
            .should().dependOnClassesThat().resideInAPackage("dev.stoa.app..")
            .because("app composes the modules; no module depends on it");

    @ArchTest
    static final ArchRule packagesAreBoundedContexts = classes()
            .that().resideInAnyPackage("dev.stoa.api..", "dev.stoa.command..", "dev.stoa.projection..", "dev.stoa.query..")
            .should(liveInABoundedContext());

    @ArchTest
    static final ArchRule aggregatesLiveOnTheCommandSide = classes().that().areAnnotatedWith(Aggregate.class)
            .should().resideInAPackage("dev.stoa.command..");

    @ArchTest
    static final ArchRule processingGroupsAreProjectionsOrSagas = classes().that().areAnnotatedWith(ProcessingGroup.class)
            .should().resideInAnyPackage("dev.stoa.projection..", "dev.stoa.command..", "dev.stoa.app.audit..")
            .because("read models are projections, reactions live on the command side, and the audit log (a ledger of "
                    + "the stored events beside the event store, not a read model) is platform");

    @ArchTest
    static final ArchRule eventsAreRecords = classes().that().resideInAPackage("dev.stoa.api..")
            .and().areAnnotatedWith(Revision.class)
            .should(beRecords());

    @ArchTest
    static final ArchRule handledEventsCarryARevision = methods()
            .that().areAnnotatedWith(EventSourcingHandler.class).or().areAnnotatedWith(EventHandler.class)
            .should(takeRevisionedEventsOfTheContract())
            .because("every event carries @Revision from day one (CONVENTIONS.md, Messages)");

    private static ArchCondition<JavaClass> liveInABoundedContext() {
        return new ArchCondition<>("reside in a bounded-context package " + CONTEXTS) {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Matcher m = SIDE_PACKAGE.matcher(javaClass.getPackageName());
                String context = m.matches() ? m.group(2) : null;
                boolean ok = context != null && CONTEXTS.contains(context);
                String message = javaClass.getName() + (context == null
                        ? " is in no bounded-context package"
                        : " is in package context '" + context + "', which is no bounded context");
                events.add(new SimpleConditionEvent(javaClass, ok, message));
            }
        };
    }

    private static ArchCondition<JavaClass> beRecords() {
        return new ArchCondition<>("be records") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                events.add(new SimpleConditionEvent(javaClass, javaClass.isRecord(),
                        javaClass.getName() + (javaClass.isRecord() ? " is" : " is not") + " a record"));
            }
        };
    }

    private static ArchCondition<JavaMethod> takeRevisionedEventsOfTheContract() {
        return new ArchCondition<>("take, if a type of dev.stoa, an event of dev.stoa.api annotated @Revision") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (method.getRawParameterTypes().isEmpty()) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes no event"));
                    return;
                }
                JavaClass event = method.getRawParameterTypes().get(0);
                // catch-all handlers (Object, EventMessage) are fine: only our own payload types must be events
                boolean ours = event.getPackageName().startsWith("dev.stoa.");
                boolean ok = !ours || event.getPackageName().startsWith("dev.stoa.api.") && event.isAnnotatedWith(Revision.class);
                events.add(new SimpleConditionEvent(method, ok, method.getFullName() + " handles " + event.getName()
                        + (ok ? "" : ", which is not an event of dev.stoa.api annotated @Revision")));
            }
        };
    }
}
