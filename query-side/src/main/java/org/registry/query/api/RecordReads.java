package org.registry.query.api;

import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.common.RejectionException;
import org.registry.platform.security.CurrentUser;
import org.springframework.http.ResponseEntity;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/** The read of one record by its id: 404 when there is none, 403 outside the caller's scope, its version the ETag. */
public final class RecordReads {

    private RecordReads() {
    }

    public static <T> ResponseEntity<T> answer(Optional<T> found, Supplier<RejectionException> missing,
                                               Function<T, CommunityCode> communityCode, ToLongFunction<T> version) {
        T record = found.orElseThrow(missing);
        CurrentUser.requireScope(communityCode.apply(record));
        return ResponseEntity.ok().eTag(Long.toString(version.applyAsLong(record))).body(record);
    }
}
