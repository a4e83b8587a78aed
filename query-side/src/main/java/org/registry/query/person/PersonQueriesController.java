package org.registry.query.person;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.registry.kernel.common.RejectionException;
import org.registry.kernel.common.TextLimits;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonView;
import org.registry.kernel.person.Residency;
import org.registry.kernel.query.PageView;
import org.registry.platform.web.Text;
import org.registry.query.api.AreaFilter;
import org.registry.query.api.Paging;
import org.registry.query.api.ReadsFrom;
import org.registry.query.api.RecordReads;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@RequestMapping("/api/persons")
@Tag(name = "Persons")
@ReadsFrom(PersonIndex.NAME)
record PersonQueriesController(PersonIndex index) {

    @GetMapping("/{personId}")
    @Operation(summary = "A person; ETag is the person's version")
    ResponseEntity<PersonView> person(@PathVariable String personId) {
        return RecordReads.answer(index.find(PersonId.of(personId)),
                () -> RejectionException.notFound("PERSON_NOT_FOUND", "no person with id " + personId),
                PersonView::communityCode, PersonView::version);
    }

    @GetMapping
    @Operation(summary = "Persons by area (division code prefix), name prefix, national ID, birth date and residency; paged from 0")
    PageView<PersonView> persons(@RequestParam(required = false) @Text(max = TextLimits.TOKEN) String areaCode,
                                 @RequestParam(required = false) @Text(max = TextLimits.NAME) String name,
                                 @RequestParam(required = false) @Text(max = TextLimits.TOKEN) String nationalId,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                 LocalDate birthDate,
                                 @RequestParam(required = false) Residency residency,
                                 @RequestParam(required = false) Integer page,
                                 @RequestParam(required = false) Integer size) {
        return index.search(AreaFilter.forCaller(areaCode), name,
                nationalId == null || nationalId.isBlank() ? null : NationalId.of(nationalId), birthDate, residency,
                Paging.of(page, size));
    }
}
