package org.registry.command.person;

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
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.DecideBenefitClaim;
import org.registry.kernel.benefit.FileBenefitClaim;
import org.registry.kernel.benefit.ObjectionId;
import org.registry.kernel.benefit.Outcome;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.benefit.RaiseObjection;
import org.registry.kernel.benefit.Recertification;
import org.registry.kernel.benefit.RecertifyBenefitClaim;
import org.registry.kernel.benefit.ResolveObjection;
import org.registry.kernel.benefit.Stage;
import org.registry.kernel.checkup.CheckUpId;
import org.registry.kernel.checkup.CheckUpResult;
import org.registry.kernel.checkup.CheckUpType;
import org.registry.kernel.checkup.RecordCheckUp;
import org.registry.kernel.checkup.RiskLevel;
import org.registry.kernel.common.Ids;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.TextLimits;
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
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;

/** The HTTP commands of the offices' services: check-ups, and benefit claims through their three-level review. */
@RestController
@RequestMapping("/api/persons/{personId}")
class ServicesCommandsController {

    private final Commands commands;
    private final RecordDirectory directory;

    ServicesCommandsController(Commands commands, RecordDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    /** @param followUpDue for a high-risk pre-pregnancy check-up; when absent, the configured period after it */
    record CheckUpRequest(@NotNull CheckUpType type, @NotNull LocalDate date,
                          @NotBlank @Text(max = TextLimits.PLACE) String facility, @NotNull CheckUpResult result,
                          RiskLevel riskLevel, @Text(max = TextLimits.NOTE, note = true) String notes,
                          LocalDate followUpDue, @Text(max = TextLimits.REASON, note = true) String reason)
            implements CommandRequest {
    }

    @PostMapping("/check-ups")
    @ResponseStatus(HttpStatus.CREATED)
    @Tag(name = "Check-ups")
    @Operation(summary = "Record a check-up; a HIGH pre-pregnancy risk makes a follow-up due")
    ResponseEntity<Map<String, Object>> checkUp(@PathVariable String personId, @Valid @RequestBody CheckUpRequest body,
                                                HttpServletRequest request) {
        PersonId person = inScope(personId);
        CheckUpId id = new CheckUpId(Ids.next());
        return create(person, "checkUpId", id, new RecordCheckUp(person, id, body.type(), body.date(),
                body.facility(), body.result(), body.riskLevel(), body.notes(), body.followUpDue()), body, request);
    }

    record ClaimRequest(@NotNull Programme programme, @Text(max = TextLimits.NOTE, note = true) String basis,
                        @Text(max = TextLimits.REASON, note = true) String reason) implements CommandRequest {
    }

    @PostMapping("/benefit-claims")
    @ResponseStatus(HttpStatus.CREATED)
    @Tag(name = "Benefits")
    @Operation(summary = "File a benefit claim; the register is checked for what it knows of the applicant")
    ResponseEntity<Map<String, Object>> claim(@PathVariable String personId, @Valid @RequestBody ClaimRequest body,
                                              HttpServletRequest request) {
        PersonId person = inScope(personId);
        ClaimId id = new ClaimId(Ids.next());
        return create(person, "claimId", id, new FileBenefitClaim(person, id, body.programme(), body.basis()), body,
                request);
    }

    /**
     * @param note   the reason of a rejection (required then) or a remark on an approval; kept on the decision
     * @param reason for the audit trail; the note when absent
     */
    record DecisionRequest(@NotNull Stage stage, @NotNull Outcome outcome,
                           @Text(max = TextLimits.NOTE, note = true) String note,
                           @Text(max = TextLimits.REASON, note = true) String reason)
            implements CommandRequest.Noted {
    }

    /**
     * Each level decides within its own area: the village assessment in the claimant's community, the township
     * review in the township, the county approval in the county.
     */
    @PostMapping("/benefit-claims/{claimId}/decisions")
    @Tag(name = "Benefits")
    @Operation(summary = "Decide a stage of a claim (in order; no clerk decides two stages of one claim)")
    ResponseEntity<Map<String, Object>> decide(@PathVariable String personId, @PathVariable String claimId,
                                               @Valid @RequestBody DecisionRequest body, HttpServletRequest request) {
        PersonId person = PersonId.of(personId);
        CommunityCode community = directory.communityOfKnown(person, null);
        CurrentUser.requireScope(switch (body.stage()) {
            case VILLAGE_ASSESSMENT -> community.asArea();
            case TOWNSHIP_REVIEW -> community.township();
            case COUNTY_APPROVAL -> community.county();
        });
        return onClaim(person, claimId, body, request,
                claim -> new DecideBenefitClaim(person, claim, body.stage(), body.outcome(), body.note()));
    }

    record ObjectionRequest(@NotBlank @Text(max = TextLimits.NOTE, note = true) String note,
                            @Text(max = TextLimits.REASON, note = true) String reason)
            implements CommandRequest {
    }

    @PostMapping("/benefit-claims/{claimId}/objections")
    @ResponseStatus(HttpStatus.CREATED)
    @Tag(name = "Benefits")
    @Operation(summary = "Raise an objection to a claim on public notice; it holds the claim until resolved")
    ResponseEntity<Map<String, Object>> object(@PathVariable String personId, @PathVariable String claimId,
                                               @Valid @RequestBody ObjectionRequest body, HttpServletRequest request) {
        PersonId person = inScope(personId);
        ClaimId claim = claimOf(person, claimId);
        ObjectionId objection = new ObjectionId(Ids.next());
        return create(person, "objectionId", objection, new RaiseObjection(person, claim, objection, body.note()),
                body, request);
    }

    record ResolutionRequest(@NotNull Boolean upheld, @Text(max = TextLimits.NOTE, note = true) String note,
                             @Text(max = TextLimits.REASON, note = true) String reason)
            implements CommandRequest.Noted {
    }

    @PostMapping("/benefit-claims/{claimId}/objections/{objectionId}/resolution")
    @Tag(name = "Benefits")
    @Operation(summary = "Resolve an objection: upheld, the claim is rejected; dismissed, the notice goes on")
    ResponseEntity<Map<String, Object>> resolve(@PathVariable String personId, @PathVariable String claimId,
                                                @PathVariable String objectionId,
                                                @Valid @RequestBody ResolutionRequest body,
                                                HttpServletRequest request) {
        PersonId person = inScope(personId);
        return onClaim(person, claimId, body, request, claim -> new ResolveObjection(person, claim,
                ObjectionId.of(objectionId), body.upheld(), body.note()));
    }

    record RecertificationRequest(@NotNull Integer year, @NotNull Recertification outcome,
                                  @Text(max = TextLimits.REASON, note = true) String reason)
            implements CommandRequest {
    }

    @PostMapping("/benefit-claims/{claimId}/recertifications")
    @Tag(name = "Benefits")
    @Operation(summary = "The annual re-certification of a granted claim: CONTINUE, or EXIT with a reason")
    ResponseEntity<Map<String, Object>> recertify(@PathVariable String personId, @PathVariable String claimId,
                                                  @Valid @RequestBody RecertificationRequest body,
                                                  HttpServletRequest request) {
        PersonId person = inScope(personId);
        return onClaim(person, claimId, body, request, claim -> new RecertifyBenefitClaim(person, claim, body.year(),
                body.outcome(), body.reason()));
    }

    private PersonId inScope(String text) {
        return directory.inScope(PersonId.of(text), null);
    }

    /** A new entity of a person (a check-up, a claim, an objection): {@code 201}, located at the person. */
    private ResponseEntity<Map<String, Object>> create(PersonId person, String idField, Object id, Object command,
                                                       CommandRequest body, HttpServletRequest request) {
        return commands.create(CommandTarget.ofPerson(person, idField, id), command, body,
                URI.create("/api/persons/" + person), request);
    }

    /** A command on a claim of the person: the answer names the claim, with the person's version. */
    private ResponseEntity<Map<String, Object>> onClaim(PersonId person, String claimId, CommandRequest body,
                                                        HttpServletRequest request, Function<ClaimId, Object> command) {
        ClaimId claim = claimOf(person, claimId);
        return commands.update(CommandTarget.ofPerson(person, "claimId", claim), command.apply(claim), body, request);
    }

    private ClaimId claimOf(PersonId person, String text) {
        ClaimId claim = ClaimId.of(text);
        if (!directory.ownerOf(claim).map(person::equals).orElse(false)) {
            throw RejectionException.notFound("CLAIM_NOT_FOUND", "person " + person + " has no benefit claim " + text);
        }
        return claim;
    }
}
