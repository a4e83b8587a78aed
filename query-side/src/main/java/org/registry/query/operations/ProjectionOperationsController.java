package org.registry.query.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.registry.platform.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;

/** Projection operations for administrators and analysts: where each projection stands, replays, verification. */
@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Projection operations")
class ProjectionOperationsController {

    private final ProjectionRebuilds rebuilds;

    ProjectionOperationsController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping
    @Operation(summary = "Every projection: its state, position, the head of the store, lag, why it is stalled, its "
            + "last error, and any replay with its progress")
    List<ProjectionRebuilds.Status> projections() {
        return rebuilds.statuses().stream().map(ProjectionOperationsController::forReader).toList();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One projection: its state, position, the head of the store, lag, why it is stalled, its "
            + "last error, and any replay with its progress")
    ProjectionRebuilds.Status projection(@PathVariable String name) {
        return forReader(rebuilds.status(name));
    }

    private static ProjectionRebuilds.Status forReader(ProjectionRebuilds.Status status) {
        return CurrentUser.get().seesPersonalData() ? status : status.withoutPersonalData();
    }

    @PostMapping("/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild the projection from the first event in a shadow, and swap it in when caught up; "
            + "the live projection keeps answering meanwhile. 202: follow the progress at the Location")
    ResponseEntity<Rebuild.View> replay(@PathVariable String name) {
        Rebuild.View replay = rebuilds.replay(name);
        return ResponseEntity.accepted().location(UriComponentsBuilder.fromPath("/api/admin/projections/{name}")
                                                                      .build(name))
                             .body(replay);
    }

    @PostMapping("/{name}/verify")
    @Operation(summary = "Rebuild the projection from scratch into a shadow, compare it with the live one (row counts, "
            + "content checksums per table), and drop the shadow")
    Verification verify(@PathVariable String name) {
        return rebuilds.verify(name);
    }
}
