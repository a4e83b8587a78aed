package org.registry.query.ledger.benefit;

import org.registry.kernel.benefit.ClaimStatus;
import org.registry.kernel.benefit.Programme;

import java.time.Instant;
import java.util.UUID;

/**
 * A claim on the public-notice board (公示). The board is public, so the name and ID are masked for every reader,
 * whatever their role: the first character of the name, then {@code *}; the first 6 characters of the ID (the
 * region), then 11 {@code *}, then its last character.
 */
public record PublicNotice(UUID claimId,
                           Programme programme,
                           String name,
                           String nationalId,
                           String communityCode,
                           ClaimStatus status,
                           Instant noticeStartedAt,
                           Instant noticeEndsAt,
                           int openObjections) {

    static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String trimmed = name.strip();
        return new String(Character.toChars(trimmed.codePointAt(0))) + "*";
    }

    static String maskNationalId(String nationalId) {
        if (nationalId == null || nationalId.length() < 7) {
            return nationalId == null ? null : "*".repeat(nationalId.length());
        }
        return nationalId.substring(0, 6) + "*".repeat(nationalId.length() - 7)
                + nationalId.substring(nationalId.length() - 1);
    }
}
