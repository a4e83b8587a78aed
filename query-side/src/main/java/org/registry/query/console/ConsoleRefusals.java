package org.registry.query.console;

import org.registry.kernel.common.RejectionException;
import org.registry.platform.security.CurrentUser;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A read's refusal on a console page (outside the user's areas, a bad filter) shown as a page with its message. */
@ControllerAdvice(annotations = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleRefusals {

    @ExceptionHandler(RejectionException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String refused(RejectionException e, Model model) {
        model.addAttribute("message", e.getMessage());
        CurrentUser.find().ifPresent(user -> model.addAttribute("user", user));
        return "console/refused";
    }
}
