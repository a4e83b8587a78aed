package org.registry.kernel.person;

/**
 * Facts about one person, in the order they were recorded on the person's stream. Each carries the business
 * date it happened on; the instant it was recorded is the message timestamp.
 */
public sealed interface PersonEvent permits PersonRegistered, BirthRegistered, BecameParent, PersonDied,
        MaritalStatusRegistered, NationalIdAdded, PersonDetailCorrected, PersonMovedOut, PersonMovedIn,
        PersonTransferred, CheckUpRecorded, BenefitClaimFiled, BenefitClaimApproved, BenefitClaimRejected,
        PublicNoticeStarted, ObjectionRaised, ObjectionResolved, BenefitClaimGranted, BenefitPaid,
        BenefitClaimRecertified, BenefitClaimEnded, PublicNoticeEnded, ChildBirthDateCorrected, PersonEnteredInError,
        BenefitGrantImported {

    PersonId personId();
}
