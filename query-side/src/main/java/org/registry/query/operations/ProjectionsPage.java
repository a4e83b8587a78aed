package org.registry.query.operations;

import io.swagger.v3.oas.annotations.Hidden;
import org.registry.platform.security.CurrentUser;
import org.registry.platform.security.RegistryUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.List;

/**
 * The console's page of the projections (administrators and analysts, as the API's projection operations): each
 * projection's state and lag, and a progress bar that follows a replay or verification live (the page polls
 * {@code /console/projections/status}, the answer of {@code GET /api/admin/projections} for the signed-in user).
 */
@Controller
@Hidden
class ProjectionsPage {

    private final ProjectionOperationsController operations;

    ProjectionsPage(ProjectionOperationsController operations) {
        this.operations = operations;
    }

    @GetMapping("/console/projections")
    String projections(Model model) {
        RegistryUser user = CurrentUser.get();
        model.addAttribute("user", user);
        model.addAttribute("operator", true);
        model.addAttribute("projections", operations.projections());
        return "console/projections";
    }

    @GetMapping("/console/projections/status")
    @ResponseBody
    List<ProjectionRebuilds.Status> status() {
        return operations.projections();
    }

    @PostMapping("/console/projections/{name}/replay")
    String replay(@PathVariable String name) {
        operations.replay(name);
        return "redirect:/console/projections";
    }

    @PostMapping("/console/projections/{name}/verify")
    String verify(@PathVariable String name) {
        operations.verify(name);
        return "redirect:/console/projections";
    }
}
