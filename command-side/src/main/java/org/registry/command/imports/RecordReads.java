package org.registry.command.imports;

import org.registry.command.directory.RecordDirectory;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.person.PersonId;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a row of births, check-ups or recipients reads of the register and of the import's earlier rows: where a person
 * lives (household and community), a parent's children, the first row of the import with a national ID or a key.
 * {@link #direct} asks the tables for each row; {@link #ofChunk} asks them once for the persons, parents, national IDs
 * and keys of a chunk, keeps the answers true as the chunk's rows are recorded (a recorded row is an earlier row to the
 * next; a birth makes its parents' children be asked again), and asks the tables for anything else.
 */
final class RecordReads {

    private final UUID importId;
    private final ImportRuns runs;
    private final RecordDirectory directory;
    private final Map<PersonId, Optional<HouseholdId>> households;
    private final Map<HouseholdId, CommunityCode> communities;
    private final Map<PersonId, List<RecordDirectory.Relative>> children;
    /** The first rows of the national IDs and keys read for the chunk (empty: none yet); others are asked for. */
    private final Map<String, Optional<Integer>> firstRows;
    private final Map<String, Optional<Integer>> firstKeys;
    /** The children the chunk's rows registered; null when rows go one by one, each in a transaction of its own. */
    private final Set<PersonId> bornHere;

    private RecordReads(UUID importId, ImportRuns runs, RecordDirectory directory,
                        Map<PersonId, Optional<HouseholdId>> households, Map<HouseholdId, CommunityCode> communities,
                        Map<PersonId, List<RecordDirectory.Relative>> children,
                        Map<String, Optional<Integer>> firstRows, Map<String, Optional<Integer>> firstKeys,
                        Set<PersonId> bornHere) {
        this.importId = importId;
        this.runs = runs;
        this.directory = directory;
        this.households = households;
        this.communities = communities;
        this.children = children;
        this.firstRows = firstRows;
        this.firstKeys = firstKeys;
        this.bornHere = bornHere;
    }

    static RecordReads direct(UUID importId, ImportRuns runs, RecordDirectory directory) {
        return new RecordReads(importId, runs, directory, Map.of(), Map.of(), Map.of(), new HashMap<>(),
                new HashMap<>(), null);
    }

    /**
     * Reads, in five queries at most: the households of {@code persons} and their communities, the children of
     * {@code parents}, the first rows of the import with {@code nationalIds} and with {@code keys}.
     */
    static RecordReads ofChunk(UUID importId, ImportRuns runs, RecordDirectory directory, Collection<PersonId> persons,
                               Collection<PersonId> parents, Collection<String> nationalIds, Collection<String> keys) {
        Map<PersonId, HouseholdId> homes = persons.isEmpty() ? Map.of() : directory.householdsOf(persons);
        Map<PersonId, Optional<HouseholdId>> households = new HashMap<>();
        persons.forEach(person -> households.put(person, Optional.ofNullable(homes.get(person))));
        Map<HouseholdId, CommunityCode> communities = homes.isEmpty() ? new HashMap<>()
                : new HashMap<>(directory.communitiesOf(homes.values().stream().distinct().toList()));
        Map<PersonId, List<RecordDirectory.Relative>> children = parents.isEmpty() ? new HashMap<>()
                : new HashMap<>(directory.childrenOf(parents));
        return new RecordReads(importId, runs, directory, households, communities, children,
                asked(nationalIds, nationalIds.isEmpty() ? Map.of() : runs.firstRowsWith(importId, nationalIds)),
                asked(keys, keys.isEmpty() ? Map.of() : runs.firstRowsWithKey(importId, keys)), new HashSet<>());
    }

    /** Every value asked for, with its first row if the import has one. */
    private static Map<String, Optional<Integer>> asked(Collection<String> values, Map<String, Integer> firstRows) {
        Map<String, Optional<Integer>> asked = new HashMap<>();
        values.forEach(value -> asked.put(value, Optional.ofNullable(firstRows.get(value))));
        return asked;
    }

    /** The household a person lives in, as far as the register knows the person. */
    Optional<HouseholdId> householdOf(PersonId person) {
        Optional<HouseholdId> household = households.get(person);
        return household != null ? household : directory.householdOf(person);
    }

    Optional<CommunityCode> communityOf(HouseholdId household) {
        CommunityCode community = communities.get(household);
        return community != null ? Optional.of(community) : directory.communityOf(household);
    }

    /** The community of the household a person lives in. */
    Optional<CommunityCode> communityOf(PersonId person) {
        return households.containsKey(person) ? householdOf(person).flatMap(this::communityOf)
                : directory.communityOf(person);
    }

    List<RecordDirectory.Relative> childrenOf(PersonId parent) {
        List<RecordDirectory.Relative> theirs = children.get(parent);
        return theirs != null ? theirs : directory.childrenOf(parent);
    }

    /** The first row of the import with the national ID, if any. */
    Optional<Integer> earlierRowWith(String nationalId) {
        Optional<Integer> first = firstRows.get(nationalId);
        return first != null ? first : runs.earlierRowWith(importId, nationalId);
    }

    /** The first row of the import with the key (of a check-up or a recipient), if any. */
    Optional<Integer> earlierRowWithKey(String key) {
        Optional<Integer> first = firstKeys.get(key);
        return first != null ? first : runs.earlierRowWithKey(importId, key);
    }

    /** A row's outcome was recorded: an earlier row to the next ones. */
    void recorded(ImportRuns.RowRecord row) {
        if (row.nationalId() != null) {
            firstRows.computeIfPresent(row.nationalId(), (id, first) -> first.or(() -> Optional.of(row.row())));
        }
        if (row.householdKey() != null) {
            firstKeys.computeIfPresent(row.householdKey(), (key, first) -> first.or(() -> Optional.of(row.row())));
        }
    }

    /**
     * A child of theirs was born: the parents' children are asked of the directory again, and the child is one of
     * the import's (in a dry run too, where no row names the child's record).
     */
    void born(PersonId mother, PersonId father, PersonId child) {
        if (bornHere == null) {
            return;
        }
        children.remove(mother);
        if (father != null) {
            children.remove(father);
        }
        bornHere.add(child);
    }

    /**
     * Whether an earlier row of the chunk registered the child (in a dry run: would have). Rows one by one each
     * commit or roll back on their own, and the import's table of rows tells.
     */
    boolean bornHere(PersonId child) {
        return bornHere != null && bornHere.contains(child);
    }
}
