package dev.stoa.command.platform;

import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorDetails;
import dev.stoa.api.platform.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Turns a refused command into a {@link CommandExecutionException} whose details are an
 * {@link ErrorDetails}: the one form that survives the trip through Axon Server, so the HTTP layer maps
 * refusals the same way whether the command ran here or in another process.
 */
public class DomainExceptionTranslator implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        try {
            return chain.proceed();
        } catch (DomainException e) {
            throw new CommandExecutionException(e.getMessage(), e, e.details());
        } catch (AggregateNotFoundException e) {
            throw new CommandExecutionException(e.getMessage(), e,
                    DomainException.notFound(aggregateName(unitOfWork)).details());
        } catch (ConcurrencyException e) {
            throw new CommandExecutionException(e.getMessage(), e, new DomainException(ErrorCode.CONCURRENT_MODIFICATION,
                    "the resource was changed concurrently; retry").details());
        }
    }

    private static String aggregateName(UnitOfWork<? extends CommandMessage<?>> unitOfWork) {
        String name = unitOfWork.getMessage().getPayloadType().getSimpleName();
        return name.replaceAll("^(Create|Update|Unlist|Adjust|Restock|Deactivate)", "").toLowerCase();
    }
}
