package org.registry.kernel.person;

import org.registry.kernel.common.PersonalData;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.Require;
import org.registry.kernel.common.TextLimits;

import java.time.LocalDate;

/**
 * The 流动人口婚育证明 a floating resident carries: its number and the day it expires. The constructor is the form
 * events are read back in, so it checks only that both parts are there; a certificate given in a command is made
 * by {@link #of}, which checks them.
 */
public record FloatingCertificate(@PersonalData String number, LocalDate expiry) {

    public FloatingCertificate {
        Require.present(number, "certificateNumber");
        Require.present(expiry, "certificateExpiry");
    }

    /** Both parts or neither: a number without its expiry (or the reverse) is refused. */
    public static FloatingCertificate of(String number, LocalDate expiry) {
        if ((number == null || number.isBlank()) && expiry == null) {
            return null;
        }
        if (number == null || number.isBlank()) {
            throw RejectionException.invalid("certificateNumber", "VALIDATION_FAILED",
                    "certificateNumber is required with certificateExpiry");
        }
        if (expiry == null) {
            throw RejectionException.invalid("certificateExpiry", "VALIDATION_FAILED",
                    "certificateExpiry is required with certificateNumber");
        }
        return new FloatingCertificate(Require.text(number, "certificateNumber", TextLimits.NUMBER),
                Require.date(expiry, "certificateExpiry"));
    }
}
