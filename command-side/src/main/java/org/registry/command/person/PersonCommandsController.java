package org.registry.command.person;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.registry.command.api.CommandRequest;
import org.registry.command.api.CommandTarget;
import org.registry.command.api.Commands;
import org.registry.command.directory.RecordDirectory;
import org.registry.kernel.common.Ids;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.AddNationalId;
import org.registry.kernel.person.CorrectPersonDetail;
import org.registry.kernel.person.CorrectableField;
import org.registry.kernel.person.FloatingCertificate;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.MoveReason;
import org.registry.kernel.person.MovePersonIn;
import org.registry.kernel.person.MovePersonOut;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.RegisterBirth;
import org.registry.kernel.person.RegisterDeath;
import org.registry.kernel.person.RegisterMaritalStatus;
import org.registry.kernel.person.RegisterPerson;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;
import org.registry.kernel.person.TransferPerson;
import org.registry.platform.web.Text;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

/** The HTTP commands of registration and moves (api.md, "Registration and moves"). */
@RestController
@Tag(name = "Persons")
class PersonCommandsController {

    private final Commands commands;
    private final RecordDirectory directory;

    PersonCommandsController(Commands commands, RecordDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    /**
     * @param residentSince the day the person's stay here began; today when absent
     * @param origin        where the person came from, for a registration that records a move in
     * @param moveReason    why the person moved here, with an origin
     */
    record RegisterPersonRequest(@NotBlank @Text(max = TextLimits.TOKEN) String nationalId,
                                 @NotBlank @Text(max = TextLimits.NAME) String name, @NotNull Sex sex,
                                 @NotNull LocalDate birthDate,
                                 @NotBlank @Text(max = TextLimits.TOKEN) String householdId,
                                 @NotNull RelationToHead relationToHead,
                                 @NotNull @Schema(allowableValues = {"PERMANENT", "FLOATING_IN"}) Residency residency,
                                 MaritalStatus maritalStatus, @Text(max = TextLimits.ETHNICITY) String ethnicity,
                                 LocalDate residentSince, @Text(max = TextLimits.PLACE) String origin,
                                 MoveReason moveReason, @Text(max = TextLimits.NUMBER) String certificateNumber,
                                 LocalDate certificateExpiry, @Text(max = TextLimits.REASON, note = true) String reason)
            implements CommandRequest {
    }

    @PostMapping("/api/persons")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a person living here into a household")
    ResponseEntity<Map<String, Object>> register(@Valid @RequestBody RegisterPersonRequest body,
                                                 HttpServletRequest request) {
        HouseholdId household = householdInScope(body.householdId(), "householdId");
        PersonId id = new PersonId(Ids.next());
        RegisterPerson command = new RegisterPerson(id, NationalId.of(body.nationalId()), body.name(), body.sex(),
                body.birthDate(), body.ethnicity(), body.maritalStatus(), household, body.relationToHead(),
                body.residency(), body.residentSince(),
                body.origin(), body.moveReason(), FloatingCertificate.of(body.certificateNumber(),
                body.certificateExpiry()));
        return commands.create(CommandTarget.person(id), command, body, URI.create("/api/persons/" + id), request);
    }

    /** @param relationToHead the child's relation to the head of the household; CHILD when absent */
    record RegisterBirthRequest(@NotBlank @Text(max = TextLimits.TOKEN) String motherId,
                                @NotBlank @Text(max = TextLimits.NAME) String name, @NotNull Sex sex,
                                @NotNull LocalDate birthDate,
                                @NotBlank @Text(max = TextLimits.TOKEN) String householdId,
                                @Text(max = TextLimits.TOKEN) String fatherId,
                                @Text(max = TextLimits.TOKEN) String nationalId,
                                @Text(max = TextLimits.ETHNICITY) String ethnicity, RelationToHead relationToHead,
                                @Text(max = TextLimits.REASON, note = true) String reason) implements CommandRequest {
    }

    @PostMapping("/api/births")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a birth; the answer names the birth order, derived from the mother's live births")
    ResponseEntity<Map<String, Object>> birth(@Valid @RequestBody RegisterBirthRequest body,
                                              HttpServletRequest request) {
        HouseholdId household = householdInScope(body.householdId(), "householdId");
        // A birth is a fact on the parents' records too: the clerk must act in their areas as well.
        PersonId mother = parentInScope(body.motherId(), "motherId");
        PersonId father = body.fatherId() == null ? null : parentInScope(body.fatherId(), "fatherId");
        PersonId child = new PersonId(Ids.next());
        RegisterBirth command = new RegisterBirth(child, mother, father, body.name(), body.sex(),
                body.birthDate(), body.nationalId() == null ? null : NationalId.of(body.nationalId()),
                body.ethnicity(), household, body.relationToHead());
        return commands.send(new Commands.Call(CommandTarget.person(child), command, body, HttpStatus.CREATED,
                URI.create("/api/persons/" + child), order -> Map.of("birthOrder", order)), request);
    }

    record DeathRequest(@NotNull LocalDate date, @Text(max = TextLimits.REASON, note = true) String reason)
            implements CommandRequest {
    }

    @PostMapping("/api/persons/{personId}/death")
    @Operation(summary = "Register a death; the person leaves the household")
    ResponseEntity<Map<String, Object>> death(@PathVariable String personId, @Valid @RequestBody DeathRequest body,
                                              HttpServletRequest request) {
        return onPerson(personId, body, request, id -> new RegisterDeath(id, body.date()));
    }

    record MaritalStatusRequest(@NotNull @Schema(allowableValues = {"MARRIED", "DIVORCED", "WIDOWED"})
                                MaritalStatus maritalStatus, @NotNull LocalDate date,
                                @Text(max = TextLimits.REASON, note = true) String reason)
            implements CommandRequest {
    }

    @PostMapping("/api/persons/{personId}/marital-status")
    @Operation(summary = "Register a marriage, a divorce or widowhood")
    ResponseEntity<Map<String, Object>> maritalStatus(@PathVariable String personId,
                                                      @Valid @RequestBody MaritalStatusRequest body,
                                                      HttpServletRequest request) {
        return onPerson(personId, body, request, id -> new RegisterMaritalStatus(id, body.maritalStatus(),
                body.date()));
    }

    record NationalIdRequest(@NotBlank @Text(max = TextLimits.TOKEN) String nationalId,
                             @Text(max = TextLimits.REASON, note = true) String reason) implements CommandRequest {
    }

    @PostMapping("/api/persons/{personId}/national-id")
    @Operation(summary = "Add the national ID of a person registered without one")
    ResponseEntity<Map<String, Object>> nationalId(@PathVariable String personId,
                                                   @Valid @RequestBody NationalIdRequest body,
                                                   HttpServletRequest request) {
        return onPerson(personId, body, request, id -> new AddNationalId(id, NationalId.of(body.nationalId())));
    }

    record CorrectionRequest(@NotNull @Schema(allowableValues = {"name", "sex", "birthDate", "ethnicity",
            "nationalId"}) CorrectableField field, @Text(max = TextLimits.CORRECTION) String value,
                             @NotBlank @Text(max = TextLimits.REASON, note = true) String reason)
            implements CommandRequest {
    }

    @PostMapping("/api/persons/{personId}/corrections")
    @Operation(summary = "Correct a wrongly recorded detail; the old value is kept beside the new one")
    ResponseEntity<Map<String, Object>> correction(@PathVariable String personId,
                                                   @Valid @RequestBody CorrectionRequest body,
                                                   HttpServletRequest request) {
        return onPerson(personId, body, request, id -> new CorrectPersonDetail(id, body.field(), body.value(),
                body.reason()));
    }

    enum Direction { IN, OUT, TRANSFER }

    /**
     * @param place      the origin of a move in, the destination of a move out
     * @param moveReason why the person moved, kept with the move
     * @param reason     why the move is recorded, for the audit trail
     */
    record MoveRequest(@NotNull Direction direction, @NotNull LocalDate date,
                       @Text(max = TextLimits.PLACE) String place, MoveReason moveReason,
                       @Text(max = TextLimits.TOKEN) String toHouseholdId, RelationToHead relationToHead,
                       @Text(max = TextLimits.NUMBER) String certificateNumber, LocalDate certificateExpiry,
                       @Text(max = TextLimits.REASON, note = true) String reason) implements CommandRequest {
    }

    @PostMapping("/api/persons/{personId}/moves")
    @Operation(summary = "Record a move: IN (back) from elsewhere, OUT to elsewhere, or TRANSFER between households")
    ResponseEntity<Map<String, Object>> move(@PathVariable String personId, @Valid @RequestBody MoveRequest body,
                                             HttpServletRequest request) {
        return onPerson(personId, body, request, id -> moveCommand(id, body));
    }

    private Object moveCommand(PersonId id, MoveRequest body) {
        HouseholdId to = body.toHouseholdId() == null ? null : householdInScope(body.toHouseholdId(), "toHouseholdId");
        FloatingCertificate certificate = FloatingCertificate.of(body.certificateNumber(), body.certificateExpiry());
        return switch (body.direction()) {
            case OUT -> {
                only(body.direction(), "toHouseholdId", to, "relationToHead", body.relationToHead(),
                        "certificateNumber", certificate);
                yield new MovePersonOut(id, body.date(), body.place(), body.moveReason());
            }
            case IN -> new MovePersonIn(id, body.date(), body.place(), body.moveReason(), to, body.relationToHead(),
                    certificate);
            case TRANSFER -> {
                only(body.direction(), "place", body.place(), "moveReason", body.moveReason(), "certificateNumber",
                        certificate);
                yield new TransferPerson(id, to, body.relationToHead(), body.date());
            }
        };
    }

    /** Refuses fields that do not go with the move's direction, rather than silently dropping them. */
    private static void only(Direction direction, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                throw RejectionException.invalid((String) namesAndValues[i], "VALIDATION_FAILED",
                        namesAndValues[i] + " does not go with a move " + direction);
            }
        }
    }

    /** A command on a person the caller may act on, made once the person is known to be in scope. */
    private ResponseEntity<Map<String, Object>> onPerson(String personId, CommandRequest body,
                                                         HttpServletRequest request,
                                                         Function<PersonId, Object> command) {
        PersonId id = directory.inScope(PersonId.of(personId), null);
        return commands.update(CommandTarget.person(id), command.apply(id), body, request);
    }

    private HouseholdId householdInScope(String text, String field) {
        return directory.inScope(new HouseholdId(Ids.uuid(text, field)), field);
    }

    private PersonId parentInScope(String text, String field) {
        return directory.inScope(new PersonId(Ids.uuid(text, field)), field);
    }
}
