package dev.stoa.command.platform;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorDetails;
import dev.stoa.api.platform.ErrorCode;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Turns a refused command into a {@link CommandExecutionException} whose details are an
 * {@link ErrorDetails}: the one form that survives the trip through Axon Server, so the HTTP layer maps
 * refusals the same way whether the command ran here or in another process. A command to an aggregate that does not
 * exist (or answers as one that does not: a course the public does not see) is 404 {@code not_found}, its detail
 * naming what was asked for: {@code course <id> not found}, or {@code wallet not found} where the aggregate's id is
 * derived from the request's ({@code wallet-<userId>}), not one the client gave.
 */
public class DomainExceptionTranslator implements MessageHandlerInterceptor<CommandMessage<?>> {
    /**
     * Per command class: what its target aggregate is called ({@code course}, {@code token family}) and whether the
     * aggregate's id is the one the client named (a typed id field) rather than one derived from it (a method:
     * {@code wallet-<userId>}, {@code inventory-<productId>}, which the detail leaves out); null when it has no target.
     */
    private record Target(String name, boolean idAsGiven) {}

    private static final ClassValue<Target> TARGETS = new ClassValue<>() {
        @Override
        protected Target computeValue(Class<?> command) { return target(command); }
    };

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (DomainException e) {
            throw new CommandExecutionException(e.getMessage(), e, e.details());
        } catch (AggregateNotFoundException e) {
            throw new CommandExecutionException(e.getMessage(), e,
                    DomainException.notFound(missing(unitOfWork.getMessage(), e)).details());
        } catch (ConcurrencyException e) {
            throw new CommandExecutionException(e.getMessage(), e, new DomainException(ErrorCode.CONCURRENT_MODIFICATION,
                    "the resource was changed concurrently; retry").details());
        }
    }

    /**
     * What was not found: the command's target aggregate and the id the client named ({@code course 0a1b…}), the
     * aggregate alone when its id is derived ({@code wallet}), or {@code resource}.
     */
    static String missing(CommandMessage<?> command, AggregateNotFoundException e) {
        Target target = TARGETS.get(command.getPayloadType());
        if (target == null) return "resource";
        String id = e.getAggregateIdentifier() == null ? null : String.valueOf(e.getAggregateIdentifier());
        return target.name() + (!target.idAsGiven() || id == null || id.isBlank() ? "" : " " + id);
    }

    /**
     * A command's target, from its {@link TargetAggregateIdentifier}: a field's id type without {@code Id}
     * ({@code CourseId} → {@code course}, {@code TokenFamilyId} → {@code token family}; a plain string field by its
     * name), or a method's name without {@code Id} ({@code walletId()} → {@code wallet}).
     */
    private static Target target(Class<?> command) {
        for (Class<?> c = command; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields())
                if (field.isAnnotationPresent(TargetAggregateIdentifier.class)) {
                    Class<?> type = field.getType();
                    boolean plain = type == String.class || type.isPrimitive() || Number.class.isAssignableFrom(type);
                    return new Target(words(plain ? field.getName() : type.getSimpleName()), true);
                }
            for (Method method : c.getDeclaredMethods())
                if (method.getParameterCount() == 0 && method.isAnnotationPresent(TargetAggregateIdentifier.class))
                    return new Target(words(method.getName()), false);
        }
        return null;
    }

    private static String words(String camel) {
        String base = camel.endsWith("Id") && camel.length() > 2 ? camel.substring(0, camel.length() - 2) : camel;
        return base.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
    }
}
