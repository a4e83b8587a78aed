package org.registry.command.api;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.registry.kernel.common.RejectionException;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Wraps every command's result in a {@link CommandOutcome} that lists the events the command stored, so the
 * HTTP answer can carry the new version and the global position without each handler having to report them.
 * It also turns a {@link RejectionException} into a {@link CommandExecutionException} whose details are the
 * rejection: the form in which a refusal survives the trip through Axon Server.
 */
public class CommandOutcomeInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String OUTCOME = CommandOutcomeInterceptor.class.getName() + ".outcome";

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            CommandOutcome outcome = new CommandOutcome(chain.proceed());
            unitOfWork.resources().put(OUTCOME, outcome);
            return outcome;
        } catch (RejectionException e) {
            throw new CommandExecutionException(e.getMessage(), e, e.rejection());
        }
    }

    /**
     * Registered on the event bus, whose dispatch interceptors run as the unit of work prepares its commit:
     * completes the outcome of the command being handled with each event it stores.
     */
    public MessageDispatchInterceptor<EventMessage<?>> eventRecorder() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
                    List<? extends EventMessage<?>> messages) {
                return (index, event) -> {
                    if (event instanceof DomainEventMessage<?> domainEvent && CurrentUnitOfWork.isStarted()) {
                        CommandOutcome outcome = CurrentUnitOfWork.get().getResource(OUTCOME);
                        if (outcome != null) {
                            outcome.record(domainEvent.getAggregateIdentifier(), domainEvent.getSequenceNumber(),
                                    domainEvent.getIdentifier());
                        }
                    }
                    return event;
                };
            }
        };
    }
}
