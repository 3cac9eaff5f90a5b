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
 * naming what was asked for: {@code course <id> not found}.
 */
public class DomainExceptionTranslator implements MessageHandlerInterceptor<CommandMessage<?>> {
    /** Per command class: what its target aggregate is called ({@code course}, {@code token family}), or null. */
    private static final ClassValue<String> TARGETS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> command) { return targetName(command); }
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

    /** What was not found: the command's target aggregate and its id ({@code course 0a1b…}), or {@code resource <id>}. */
    static String missing(CommandMessage<?> command, AggregateNotFoundException e) {
        String name = TARGETS.get(command.getPayloadType());
        String id = e.getAggregateIdentifier() == null ? null : String.valueOf(e.getAggregateIdentifier());
        return (name == null ? "resource" : name) + (id == null || id.isBlank() ? "" : " " + id);
    }

    /**
     * The name of a command's target, from its {@link TargetAggregateIdentifier} field: the id's type without
     * {@code Id} ({@code CourseId} → {@code course}, {@code TokenFamilyId} → {@code token family}), or the field's
     * or method's name for a plain string ({@code orderRefundsId} → {@code order refunds}, {@code walletId()} →
     * {@code wallet}).
     */
    private static String targetName(Class<?> command) {
        for (Class<?> c = command; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields())
                if (field.isAnnotationPresent(TargetAggregateIdentifier.class)) return name(field.getType(), field.getName());
            for (Method method : c.getDeclaredMethods())
                if (method.getParameterCount() == 0 && method.isAnnotationPresent(TargetAggregateIdentifier.class))
                    return name(method.getReturnType(), method.getName());
        }
        return null;
    }

    private static String name(Class<?> type, String member) {
        return words(type == String.class || type.isPrimitive() || Number.class.isAssignableFrom(type)
                ? member : type.getSimpleName());
    }

    private static String words(String camel) {
        String base = camel.endsWith("Id") && camel.length() > 2 ? camel.substring(0, camel.length() - 2) : camel;
        return base.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
    }
}
