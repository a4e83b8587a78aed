package org.registry.command.household;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.registry.command.api.CommandRequest;
import org.registry.command.api.CommandTarget;
import org.registry.command.api.Commands;
import org.registry.command.directory.RecordDirectory;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.common.Ids;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.household.ChangeHouseholdHead;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdKind;
import org.registry.kernel.household.PostalCode;
import org.registry.kernel.household.RegisterHousehold;
import org.registry.kernel.household.RelocateHousehold;
import org.registry.kernel.person.PersonId;
import org.registry.platform.security.CurrentUser;
import org.registry.platform.web.Text;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

@RestController
@RequestMapping("/api/households")
@Tag(name = "Households")
class HouseholdCommandsController {

    private final Commands commands;
    private final RecordDirectory directory;
    private final Clock clock;

    HouseholdCommandsController(Commands commands, RecordDirectory directory, Clock clock) {
        this.commands = commands;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * @param postalCode the six-digit postal code of the address, optional
     * @param date       the day of registration; today when absent
     */
    record RegisterHouseholdRequest(@NotBlank @Text(max = TextLimits.TOKEN) String communityCode,
                                    @NotBlank @Text(max = TextLimits.PLACE) String address,
                                    @Text(max = TextLimits.TOKEN) String postalCode, @NotNull HouseholdKind kind,
                                    @Text(max = TextLimits.NUMBER) String householdNumber, LocalDate date,
                                    @Text(max = TextLimits.REASON, note = true) String reason)
            implements CommandRequest {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a household in a community")
    ResponseEntity<Map<String, Object>> register(@Valid @RequestBody RegisterHouseholdRequest body,
                                                 HttpServletRequest request) {
        CommunityCode community = new CommunityCode(body.communityCode());
        CurrentUser.requireScope(community);
        HouseholdId id = new HouseholdId(Ids.next());
        LocalDate date = body.date() != null ? body.date() : LocalDate.now(clock);
        return commands.create(CommandTarget.household(id),
                new RegisterHousehold(id, community, body.address(), PostalCode.optional(body.postalCode()),
                        body.kind(), body.householdNumber(), date),
                body, URI.create("/api/households/" + id), request);
    }

    /** @param postalCode the postal code of the new address, optional */
    record RelocateHouseholdRequest(@NotBlank @Text(max = TextLimits.TOKEN) String communityCode,
                                    @NotBlank @Text(max = TextLimits.PLACE) String address,
                                    @Text(max = TextLimits.TOKEN) String postalCode, @NotNull LocalDate date,
                                    @Text(max = TextLimits.REASON, note = true) String reason)
            implements CommandRequest {
    }

    @PostMapping("/{householdId}/relocation")
    @Operation(summary = "Move the whole household to a new address and/or community")
    ResponseEntity<Map<String, Object>> relocate(@PathVariable String householdId,
                                                 @Valid @RequestBody RelocateHouseholdRequest body,
                                                 HttpServletRequest request) {
        return onHousehold(householdId, body, request, id -> {
            CommunityCode destination = new CommunityCode(body.communityCode());
            CurrentUser.requireScope(destination);
            return new RelocateHousehold(id, destination, body.address(), PostalCode.optional(body.postalCode()),
                    body.date());
        });
    }

    record ChangeHeadRequest(@NotBlank @Text(max = TextLimits.TOKEN) String personId, @NotNull LocalDate date,
                             @Text(max = TextLimits.REASON, note = true) String reason) implements CommandRequest {
    }

    @PostMapping("/{householdId}/head")
    @Operation(summary = "Make a member the head of the household")
    ResponseEntity<Map<String, Object>> changeHead(@PathVariable String householdId,
                                                   @Valid @RequestBody ChangeHeadRequest body,
                                                   HttpServletRequest request) {
        return onHousehold(householdId, body, request,
                id -> new ChangeHouseholdHead(id, PersonId.of(body.personId()), body.date()));
    }

    /** A command on a household the caller may act on: known to the register, and in the caller's areas. */
    private ResponseEntity<Map<String, Object>> onHousehold(String householdId, CommandRequest body,
                                                            HttpServletRequest request,
                                                            Function<HouseholdId, Object> command) {
        HouseholdId id = directory.inScope(HouseholdId.of(householdId), null);
        return commands.update(CommandTarget.household(id), command.apply(id), body, request);
    }
}
