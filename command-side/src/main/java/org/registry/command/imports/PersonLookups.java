package org.registry.command.imports;

import org.registry.command.directory.RecordDirectory;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.PersonId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a row of persons reads before its facts are recorded: earlier rows of the import, the national-ID directory,
 * the households imports founded. {@link #direct} asks the tables for each row; {@link #ofChunk} asks them once for a
 * chunk of rows and keeps the answers up to date as the chunk's rows are recorded, in the chunk's transaction.
 */
interface PersonLookups {

    /** The first row of the import with the national ID, if any. */
    Optional<Integer> earlierRowWith(String nationalId);

    Optional<PersonId> holderOf(NationalId nationalId);

    Optional<HouseholdId> mappedHousehold(String householdKey);

    ImportRuns.KnownHousehold household(String householdKey);

    Optional<CommunityCode> communityOf(HouseholdId household);

    /** A row's outcome was recorded. */
    void recorded(ImportRuns.RowRecord row);

    /** The import founded a household (or found it through a member) for a household key. */
    void mapped(String householdKey, HouseholdId household, CommunityCode community);

    static PersonLookups direct(UUID importId, ImportRuns runs, RecordDirectory directory) {
        return new PersonLookups() {
            @Override
            public Optional<Integer> earlierRowWith(String nationalId) {
                return runs.earlierRowWith(importId, nationalId);
            }

            @Override
            public Optional<PersonId> holderOf(NationalId nationalId) {
                return directory.holderOf(nationalId);
            }

            @Override
            public Optional<HouseholdId> mappedHousehold(String householdKey) {
                return Optional.ofNullable(runs.mappedHouseholds(List.of(householdKey)).get(householdKey));
            }

            @Override
            public ImportRuns.KnownHousehold household(String householdKey) {
                return runs.household(importId, householdKey);
            }

            @Override
            public Optional<CommunityCode> communityOf(HouseholdId household) {
                return directory.communityOf(household);
            }

            @Override
            public void recorded(ImportRuns.RowRecord row) {
            }

            @Override
            public void mapped(String householdKey, HouseholdId household, CommunityCode community) {
            }
        };
    }

    /**
     * Reads what the rows of a chunk need in four queries. A national ID held by a person an earlier row of the same
     * chunk registered is never asked for: that row makes this one a duplicate in the file first.
     */
    static PersonLookups ofChunk(UUID importId, List<PersonRow> rows, ImportRuns runs, RecordDirectory directory) {
        Set<NationalId> nationalIds = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        rows.forEach(row -> {
            if (row.nationalId != null) {
                nationalIds.add(row.nationalId);
            }
            if (row.householdKey() != null) {
                keys.add(row.householdKey());
            }
        });
        Map<String, Integer> firstRows = runs.firstRowsWith(importId,
                nationalIds.stream().map(NationalId::value).toList());
        Map<NationalId, PersonId> holders = directory.holdersOf(nationalIds);
        Map<String, HouseholdId> mapped = runs.mappedHouseholds(keys);
        Map<String, List<ImportRuns.HouseholdRow>> households = runs.households(importId, keys);
        Set<HouseholdId> known = new LinkedHashSet<>(mapped.values());
        households.values().forEach(list -> list.forEach(row -> {
            if (row.household() != null) {
                known.add(row.household());
            }
        }));
        Map<HouseholdId, CommunityCode> communities = new HashMap<>(directory.communitiesOf(known));
        return new PersonLookups() {
            @Override
            public Optional<Integer> earlierRowWith(String nationalId) {
                return Optional.ofNullable(firstRows.get(nationalId));
            }

            @Override
            public Optional<PersonId> holderOf(NationalId nationalId) {
                return Optional.ofNullable(holders.get(nationalId));
            }

            @Override
            public Optional<HouseholdId> mappedHousehold(String householdKey) {
                return Optional.ofNullable(mapped.get(householdKey));
            }

            @Override
            public ImportRuns.KnownHousehold household(String householdKey) {
                return ImportRuns.KnownHousehold.of(households.getOrDefault(householdKey, List.of()));
            }

            @Override
            public Optional<CommunityCode> communityOf(HouseholdId household) {
                CommunityCode community = communities.get(household);
                return community != null ? Optional.of(community) : directory.communityOf(household);
            }

            @Override
            public void recorded(ImportRuns.RowRecord row) {
                if (row.nationalId() != null) {
                    firstRows.putIfAbsent(row.nationalId(), row.row());
                }
                if (row.householdKey() != null && row.outcome() != ImportRuns.Outcome.REJECTED) {
                    households.computeIfAbsent(row.householdKey(), key -> new ArrayList<>()).add(
                            new ImportRuns.HouseholdRow(row.outcome(), row.household(), row.relation()));
                }
            }

            @Override
            public void mapped(String householdKey, HouseholdId household, CommunityCode community) {
                mapped.put(householdKey, household);
                communities.put(household, community);
            }
        };
    }
}
