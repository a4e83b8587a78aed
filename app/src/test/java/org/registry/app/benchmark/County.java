package org.registry.app.benchmark;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.registry.kernel.area.CommunityCode;
import org.registry.kernel.benefit.ClaimId;
import org.registry.kernel.benefit.EndReason;
import org.registry.kernel.benefit.Programme;
import org.registry.kernel.benefit.Stage;
import org.registry.kernel.checkup.CheckUpId;
import org.registry.kernel.checkup.CheckUpResult;
import org.registry.kernel.checkup.CheckUpType;
import org.registry.kernel.checkup.RiskLevel;
import org.registry.kernel.household.HouseholdId;
import org.registry.kernel.household.HouseholdKind;
import org.registry.kernel.household.HouseholdRegistered;
import org.registry.kernel.household.HouseholdRelocated;
import org.registry.kernel.household.LeavingReason;
import org.registry.kernel.household.MemberJoinedHousehold;
import org.registry.kernel.household.MemberLeftHousehold;
import org.registry.kernel.household.RelationToHead;
import org.registry.kernel.person.BecameParent;
import org.registry.kernel.person.BenefitClaimApproved;
import org.registry.kernel.person.BenefitClaimEnded;
import org.registry.kernel.person.BenefitClaimFiled;
import org.registry.kernel.person.BenefitClaimGranted;
import org.registry.kernel.person.BenefitPaid;
import org.registry.kernel.person.BirthRegistered;
import org.registry.kernel.person.CheckUpRecorded;
import org.registry.kernel.person.FloatingCertificate;
import org.registry.kernel.person.MaritalStatus;
import org.registry.kernel.person.MoveReason;
import org.registry.kernel.person.NationalId;
import org.registry.kernel.person.ParentRole;
import org.registry.kernel.person.PersonDied;
import org.registry.kernel.person.PersonId;
import org.registry.kernel.person.PersonMovedOut;
import org.registry.kernel.person.PersonRegistered;
import org.registry.kernel.person.PublicNoticeEnded;
import org.registry.kernel.person.PublicNoticeStarted;
import org.registry.kernel.person.Residency;
import org.registry.kernel.person.Sex;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A county's register over the years, as the command side would have recorded it: the events of each command in
 * the order its aggregates apply them, each aggregate's events numbered from 0, with the audit metadata of a clerk
 * of the township, recorded at instants that go forward month by month.
 *
 * <p>County 330106: 20 townships of 15 communities. The first month is the census: every household registered
 * with its members (a head, mostly a spouse, children whose mother's age fits, sometimes an elderly parent; one
 * household in 25 floating residents with their certificates). Then, every month: births (the mother's
 * {@code BecameParent}, the child's {@code BirthRegistered} with a valid national ID, the household's
 * {@code MemberJoinedHousehold}), deaths, moves away, floating households arriving, households relocating to
 * another community, a yearly check-up for most women of 20-49, only-child parents' awards going through the
 * workflow (filed, approved by village, township and county, public notice, granted) and paid every month until
 * the child turns 14 or the parent dies or leaves. About 5 events a resident over six years.
 *
 * <p>Deterministic for a seed: the same sizes give the same county.
 */
final class County {

    static final String COUNTY = "330106";
    static final int TOWNSHIPS = 20;
    static final int COMMUNITIES_PER_TOWNSHIP = 15;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final BigDecimal AWARD = new BigDecimal("20.00");
    private static final long PERSON = 0x1000_0000_0000_4000L;
    private static final long HOUSEHOLD = 0x2000_0000_0000_4000L;
    private static final long CLAIM = 0x3000_0000_0000_4000L;
    private static final long CHECK_UP = 0x4000_0000_0000_4000L;
    private static final byte HERE = 0;
    private static final byte DEAD = 1;
    private static final byte GONE = 2;
    private static final int FILED = 0;
    private static final int ON_NOTICE = 1;
    private static final int GRANTED = 2;
    private static final int ENDED = 3;

    private final int residents;
    private final YearMonth first;
    private final YearMonth last;
    private final SplittableRandom random;
    private final Consumer<List<DomainEventMessage<?>>> store;
    private final int batchSize;
    private final List<DomainEventMessage<?>> batch = new ArrayList<>();
    private final Map<String, Long> eventsByType = new TreeMap<>();
    private long events;
    private Instant clock;
    private long command;
    private MetaData metaData;

    // persons, by index
    private int persons;
    private int[] householdOf = new int[0];
    private byte[] sexOf = new byte[0];
    private int[] bornOn = new int[0];
    private long[] personSequence = new long[0];
    private byte[] status = new byte[0];
    private boolean[] floating = new boolean[0];
    private int[] children = new int[0];
    private int[] lastBirth = new int[0];
    private int[] claimOfParent = new int[0];
    private int[] claimOfChild = new int[0];
    private final int[] nationalIdSerial = new int[80_000];

    // households
    private int households;
    private int[] communityOf = new int[0];
    private long[] householdSequence = new long[0];

    // claims
    private int claims;
    private int[] claimParent = new int[0];
    private int[] claimChild = new int[0];
    private int[] claimState = new int[0];
    private int[] claimMonth = new int[0];
    private int checkUps;

    /**
     * @param residents about how many live in the county at the census
     * @param years     how many years of history, ending with October 2026
     * @param store     appends one batch of events (in one transaction)
     */
    County(int residents, int years, long seed, int batchSize, Consumer<List<DomainEventMessage<?>>> store) {
        this.residents = residents;
        this.last = YearMonth.of(2026, 10);
        this.first = last.minusMonths(12L * years - 1);
        this.random = new SplittableRandom(seed);
        this.store = store;
        this.batchSize = batchSize;
    }

    YearMonth first() {
        return first;
    }

    YearMonth last() {
        return last;
    }

    long events() {
        return events;
    }

    int persons() {
        return persons;
    }

    int households() {
        return households;
    }

    int claims() {
        return claims;
    }

    Map<String, Long> eventsByType() {
        return eventsByType;
    }

    static String community(int index) {
        return COUNTY + township(index / COMMUNITIES_PER_TOWNSHIP).substring(6)
                + String.format("%03d", index % COMMUNITIES_PER_TOWNSHIP + 1);
    }

    static String township(int index) {
        return COUNTY + String.format("%03d", index + 1);
    }

    /** Generates the whole history, month by month. */
    void generate() {
        int month = 0;
        for (YearMonth current = first; !current.isAfter(last); current = current.plusMonths(1), month++) {
            clock = later(current.atDay(1).atTime(8, 0).atZone(ZONE).toInstant());
            if (month == 0) {
                census();
            } else {
                births(current);
                deaths();
                movesAway();
                arrivals();
                relocations();
            }
            checkUps(current);
            claims(current, month);
            flush();
        }
    }

    private Instant later(Instant instant) {
        return clock == null || instant.isAfter(clock) ? instant : clock;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock, ZONE);
    }

    /** A business date a few days before its recording, never before {@code notBefore}. */
    private LocalDate recentDay(LocalDate notBefore) {
        LocalDate day = today().minusDays(random.nextInt(10));
        return day.isBefore(notBefore) ? notBefore : day;
    }

    // ---- the census -------------------------------------------------------------------------------------------

    private void census() {
        int persons = 0;
        while (persons < residents) {
            boolean floats = random.nextInt(25) == 0;
            int community = random.nextInt(TOWNSHIPS * COMMUNITIES_PER_TOWNSHIP);
            LocalDate since = LocalDate.of(1995 + random.nextInt(25), 1 + random.nextInt(12), 1 + random.nextInt(28));
            LocalDate joined = floats ? today().minusDays(random.nextInt(700)) : since;
            int household = registerHousehold(community, floats ? HouseholdKind.FLOATING : HouseholdKind.REGISTERED,
                    joined);
            int headAge = 25 + random.nextInt(floats ? 20 : 50);
            registerPerson(household, Sex.MALE, birthDate(headAge), RelationToHead.HEAD,
                    MaritalStatus.MARRIED, floats, joined);
            persons++;
            if (random.nextInt(10) < 8) {
                int wifeAge = Math.max(20, headAge - 3 + random.nextInt(6));
                int wife = registerPerson(household, Sex.FEMALE, birthDate(wifeAge), RelationToHead.SPOUSE,
                        MaritalStatus.MARRIED, floats, joined);
                persons++;
                int kids = wifeAge < 22 ? 0 : random.nextInt(3);
                int only = -1;
                for (int k = 0; k < kids; k++) {
                    int motherAgeAtBirth = 20 + random.nextInt(Math.min(21, wifeAge - 19));
                    int age = wifeAge - motherAgeAtBirth;
                    int child = registerPerson(household, random.nextBoolean() ? Sex.MALE : Sex.FEMALE,
                            birthDate(age), RelationToHead.CHILD,
                            age >= 22 ? MaritalStatus.MARRIED : MaritalStatus.SINGLE, floats, joined);
                    persons++;
                    children[wife]++;
                    only = child;
                }
                if (kids == 1 && ageOn(only, today()) < 13 && random.nextInt(100) < 20) {
                    fileLater(wife, only, 0);
                }
            }
            if (random.nextInt(100) < 15) {
                registerPerson(household, random.nextBoolean() ? Sex.MALE : Sex.FEMALE, birthDate(headAge + 25 + random
                        .nextInt(8)), RelationToHead.PARENT, MaritalStatus.WIDOWED, floats, joined);
                persons++;
            }
        }
    }

    private LocalDate birthDate(int age) {
        return today().minusYears(age).minusDays(1 + random.nextInt(364));
    }

    private int ageOn(int person, LocalDate day) {
        return (int) java.time.temporal.ChronoUnit.YEARS.between(LocalDate.ofEpochDay(bornOn[person]), day);
    }

    private int registerHousehold(int community, HouseholdKind kind, LocalDate registeredOn) {
        int h = households++;
        if (h == communityOf.length) {
            int size = Math.max(1024, h * 3 / 2);
            communityOf = Arrays.copyOf(communityOf, size);
            householdSequence = Arrays.copyOf(householdSequence, size);
        }
        communityOf[h] = community;
        beginCommand(community);
        emitHousehold(h, new HouseholdRegistered(householdId(h), new CommunityCode(community(community)),
                (h + 1) + " Wensan Road, building " + (h % 40 + 1), null, kind,
                kind == HouseholdKind.FLOATING ? null : String.format("%09d", h + 1), registeredOn));
        return h;
    }

    private int registerPerson(int household, Sex sex, LocalDate born, RelationToHead relation,
                               MaritalStatus marital, boolean floats, LocalDate since) {
        int p = newPerson(household, sex, born, floats);
        beginCommand(communityOf[household]);
        emitPerson(p, new PersonRegistered(personId(p), nationalId(born, sex), name(p), sex, born, "汉族", marital,
                householdId(household), relation, floats ? Residency.FLOATING_IN : Residency.PERMANENT,
                since.isBefore(born) ? born : since, floats ? "河南省周口市" : null, floats ? MoveReason.WORK : null,
                floats ? new FloatingCertificate("LD" + (p + 1), today().plusYears(2)) : null));
        emitHousehold(household, new MemberJoinedHousehold(householdId(household), personId(p), relation,
                since.isBefore(born) ? born : since));
        return p;
    }

    private int newPerson(int household, Sex sex, LocalDate born, boolean floats) {
        int p = persons++;
        if (p == householdOf.length) {
            int size = Math.max(1024, p * 3 / 2);
            householdOf = Arrays.copyOf(householdOf, size);
            sexOf = Arrays.copyOf(sexOf, size);
            bornOn = Arrays.copyOf(bornOn, size);
            personSequence = Arrays.copyOf(personSequence, size);
            status = Arrays.copyOf(status, size);
            floating = Arrays.copyOf(floating, size);
            children = Arrays.copyOf(children, size);
            lastBirth = Arrays.copyOf(lastBirth, size);
            claimOfParent = Arrays.copyOf(claimOfParent, size);
            claimOfChild = Arrays.copyOf(claimOfChild, size);
        }
        householdOf[p] = household;
        sexOf[p] = (byte) (sex == Sex.FEMALE ? 1 : 0);
        bornOn[p] = (int) born.toEpochDay();
        floating[p] = floats;
        lastBirth[p] = Integer.MIN_VALUE;
        claimOfParent[p] = -1;
        claimOfChild[p] = -1;
        return p;
    }

    /** Valid by GB 11643: the county's area code, the birth date, a serial odd for men, and the check character. */
    private NationalId nationalId(LocalDate born, Sex sex) {
        int day = (int) (born.toEpochDay() - LocalDate.of(1900, 1, 1).toEpochDay());
        int serial = nationalIdSerial[day]++;
        if (serial >= 500) {
            throw new IllegalStateException("more than 500 " + sex + " residents born on " + born);
        }
        // men and women share the day's counter: a man takes 2n+1, a woman 2n
        String first17 = COUNTY + born.toString().replace("-", "")
                + String.format("%03d", serial * 2 + (sex == Sex.MALE ? 1 : 0));
        return new NationalId(first17 + NationalId.checkCharacter(first17));
    }

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军"};

    private static String name(int p) {
        return SURNAMES[p % SURNAMES.length] + GIVEN[(p / 10) % GIVEN.length] + GIVEN[(p / 120) % GIVEN.length];
    }

    // ---- a month's changes ------------------------------------------------------------------------------------

    private int here() {
        return (int) (persons * 0.97);
    }

    /** A person who lives here, accepted by {@code fits}, or -1 after a few tries. */
    private int pick(java.util.function.IntPredicate fits) {
        for (int tries = 0; tries < 60; tries++) {
            int p = random.nextInt(persons);
            if (status[p] == HERE && fits.test(p)) {
                return p;
            }
        }
        return -1;
    }

    private int perMonth(double yearlyRate) {
        double expected = here() * yearlyRate / 12;
        int whole = (int) expected;
        return whole + (random.nextDouble() < expected - whole ? 1 : 0);
    }

    private void births(YearMonth month) {
        for (int n = perMonth(0.009); n > 0; n--) {
            LocalDate born = recentDay(month.atDay(1));
            int bornDay = (int) born.toEpochDay();
            int mother = pick(p -> sexOf[p] == 1 && ageOn(p, born) >= 20 && ageOn(p, born) <= 40
                    && bornDay - lastBirth[p] > 2 * 365);
            if (mother < 0) {
                continue;
            }
            Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
            int household = householdOf[mother];
            int child = newPerson(household, sex, born, floating[mother]);
            beginCommand(communityOf[household]);
            emitPerson(mother, new BecameParent(personId(mother), personId(child), ParentRole.MOTHER, born));
            emitPerson(child, new BirthRegistered(personId(child), personId(mother), null, name(child), sex, born,
                    nationalId(born, sex), "汉族", householdId(household), RelationToHead.CHILD,
                    floating[mother] ? Residency.FLOATING_IN : Residency.PERMANENT));
            emitHousehold(household, new MemberJoinedHousehold(householdId(household), personId(child),
                    RelationToHead.CHILD, born));
            children[mother]++;
            lastBirth[mother] = bornDay;
            if (children[mother] == 1 && random.nextInt(100) < 25) {
                fileLater(mother, child, 0);
            } else if (children[mother] == 2 && claimOfParent[mother] >= 0) {
                end(claimOfParent[mother], EndReason.EXITED, born);
            }
        }
    }

    private void deaths() {
        for (int n = perMonth(0.007); n > 0; n--) {
            LocalDate day = recentDay(today().withDayOfMonth(1));
            int person = pick(p -> random.nextInt(100) < (ageOn(p, day) >= 70 ? 100 : ageOn(p, day) >= 50 ? 20 : 2));
            if (person < 0) {
                continue;
            }
            beginCommand(communityOf[householdOf[person]]);
            emitPerson(person, new PersonDied(personId(person), day));
            leave(person, LeavingReason.DIED, day);
            status[person] = DEAD;
            endClaimsOf(person, EndReason.BENEFICIARY_DIED, EndReason.CHILD_DIED, day);
        }
    }

    private void movesAway() {
        for (int n = perMonth(0.012); n > 0; n--) {
            LocalDate day = recentDay(today().withDayOfMonth(1));
            int person = pick(p -> ageOn(p, day) >= 16);
            if (person < 0) {
                continue;
            }
            beginCommand(communityOf[householdOf[person]]);
            emitPerson(person, new PersonMovedOut(personId(person), day, "浙江省杭州市", MoveReason.WORK,
                    floating[person] ? Residency.FLOATING_IN : Residency.PERMANENT, true));
            leave(person, LeavingReason.MOVED_AWAY, day);
            status[person] = GONE;
            endClaimsOf(person, EndReason.MOVED_AWAY, EndReason.EXITED, day);
        }
    }

    private void leave(int person, LeavingReason reason, LocalDate day) {
        int household = householdOf[person];
        emitHousehold(household, new MemberLeftHousehold(householdId(household), personId(person), reason, day));
    }

    private void arrivals() {
        for (int n = perMonth(0.012 / 2); n > 0; n--) {
            LocalDate day = recentDay(today().withDayOfMonth(1));
            int household = registerHousehold(random.nextInt(TOWNSHIPS * COMMUNITIES_PER_TOWNSHIP),
                    HouseholdKind.FLOATING, day);
            int age = 18 + random.nextInt(28);
            registerPerson(household, Sex.MALE, birthDate(age), RelationToHead.HEAD, MaritalStatus.MARRIED, true,
                    day);
            if (random.nextBoolean()) {
                registerPerson(household, Sex.FEMALE, birthDate(age), RelationToHead.SPOUSE, MaritalStatus.MARRIED,
                        true, day);
            }
            if (random.nextInt(3) == 0) {
                registerPerson(household, random.nextBoolean() ? Sex.MALE : Sex.FEMALE, birthDate(random.nextInt(12)),
                        RelationToHead.CHILD, MaritalStatus.SINGLE, true, day);
            }
        }
    }

    private void relocations() {
        for (int n = (int) Math.round(households * 0.004 / 12); n > 0; n--) {
            int household = random.nextInt(households);
            int from = communityOf[household];
            int to = random.nextInt(TOWNSHIPS * COMMUNITIES_PER_TOWNSHIP);
            if (to == from) {
                continue;
            }
            LocalDate day = recentDay(today().withDayOfMonth(1));
            beginCommand(from);
            emitHousehold(household, new HouseholdRelocated(householdId(household), new CommunityCode(community(from)),
                    new CommunityCode(community(to)), (household + 1) + " Xixi Road", null, day));
            communityOf[household] = to;
        }
    }

    /** Most women of 20-49 have a check-up once a year, in the month their index falls on. */
    private void checkUps(YearMonth month) {
        int slot = month.getMonthValue() - 1;
        LocalDate day = month.atDay(1);
        for (int p = slot; p < persons; p += 12) {
            if (status[p] != HERE || sexOf[p] != 1 || random.nextInt(10) >= 8) {
                continue;
            }
            int age = ageOn(p, day);
            if (age < 20 || age > 49) {
                continue;
            }
            LocalDate on = recentDay(day);
            boolean prePregnancy = random.nextInt(20) == 0;
            int roll = random.nextInt(100);
            CheckUpResult result = roll < 88 ? CheckUpResult.NORMAL : roll < 97 ? CheckUpResult.NEEDS_TREATMENT
                    : CheckUpResult.HIGH_RISK;
            RiskLevel risk = prePregnancy ? (result == CheckUpResult.HIGH_RISK ? RiskLevel.HIGH : RiskLevel.LOW)
                    : null;
            beginCommand(communityOf[householdOf[p]]);
            emitPerson(p, new CheckUpRecorded(personId(p), new CheckUpId(new UUID(CHECK_UP, checkUps++)),
                    prePregnancy ? CheckUpType.PRE_PREGNANCY : CheckUpType.REPRODUCTIVE_HEALTH, on, "乡镇卫生院",
                    result, risk, result == CheckUpResult.NORMAL ? null : "复查",
                    risk == RiskLevel.HIGH ? on.plusDays(30) : null));
        }
    }

    // ---- only-child parents' awards ---------------------------------------------------------------------------

    private void fileLater(int parent, int child, int month) {
        int c = claims++;
        if (c == claimParent.length) {
            int size = Math.max(1024, c * 3 / 2);
            claimParent = Arrays.copyOf(claimParent, size);
            claimChild = Arrays.copyOf(claimChild, size);
            claimState = Arrays.copyOf(claimState, size);
            claimMonth = Arrays.copyOf(claimMonth, size);
        }
        claimParent[c] = parent;
        claimChild[c] = child;
        claimState[c] = -1;
        claimMonth[c] = month;
        claimOfParent[parent] = c;
        claimOfChild[child] = c;
    }

    /**
     * Filed claims go through village, township and county in the month after they were noted, the public notice
     * ends and grants them the month after, and granted ones are paid every month after that.
     */
    private void claims(YearMonth month, int index) {
        for (int c = 0; c < claims; c++) {
            int parent = claimParent[c];
            if (claimState[c] == ENDED || status[parent] != HERE) {
                continue;
            }
            LocalDate day = recentDay(month.atDay(1));
            ClaimId claim = claimId(c);
            PersonId person = personId(parent);
            switch (claimState[c]) {
                case -1 -> {
                    beginCommand(communityOf[householdOf[parent]]);
                    emitPerson(parent, new BenefitClaimFiled(person, claim, Programme.ONLY_CHILD_PARENT_AWARD,
                            personId(claimChild[c]), "独生子女", day));
                    claimState[c] = FILED;
                    String township = township(communityOf[householdOf[parent]] / COMMUNITIES_PER_TOWNSHIP);
                    for (Stage stage : Stage.values()) {
                        beginCommand(communityOf[householdOf[parent]]);
                        emitPerson(parent, new BenefitClaimApproved(person, claim, stage, null,
                                stage.name().toLowerCase() + "-" + township, day));
                    }
                    emitPerson(parent, new PublicNoticeStarted(person, claim, clock, clock.plus(Duration.ofDays(7))));
                    claimState[c] = ON_NOTICE;
                    claimMonth[c] = index;
                }
                case ON_NOTICE -> {
                    beginCommand(communityOf[householdOf[parent]]);
                    emitPerson(parent, new PublicNoticeEnded(person, claim, clock, false));
                    emitPerson(parent, new BenefitClaimGranted(person, claim, day));
                    claimState[c] = GRANTED;
                    claimMonth[c] = index;
                }
                case GRANTED -> {
                    LocalDate turns14 = LocalDate.ofEpochDay(bornOn[claimChild[c]]).plusYears(14);
                    if (!turns14.isAfter(month.atEndOfMonth())) {
                        beginCommand(communityOf[householdOf[parent]]);
                        end(c, EndReason.CHILD_TURNED_14, turns14.isAfter(day) ? day : turns14);
                    } else {
                        beginCommand(communityOf[householdOf[parent]]);
                        emitPerson(parent, new BenefitPaid(person, claim, month.toString(), AWARD, day));
                    }
                }
                default -> {
                }
            }
        }
    }

    private void endClaimsOf(int person, EndReason asParent, EndReason asChild, LocalDate day) {
        if (claimOfParent[person] >= 0) {
            end(claimOfParent[person], asParent, day);
        }
        if (claimOfChild[person] >= 0) {
            end(claimOfChild[person], asChild, day);
        }
    }

    /** A granted claim ends; one not granted yet is dropped (the generator does not withdraw claims). */
    private void end(int c, EndReason reason, LocalDate day) {
        if (claimState[c] == GRANTED && status[claimParent[c]] == HERE) {
            emitPerson(claimParent[c], new BenefitClaimEnded(personId(claimParent[c]), claimId(c), reason, day));
        }
        claimState[c] = ENDED;
    }

    // ---- events -----------------------------------------------------------------------------------------------

    private static PersonId personId(int p) {
        return new PersonId(new UUID(PERSON, p));
    }

    private static HouseholdId householdId(int h) {
        return new HouseholdId(new UUID(HOUSEHOLD, h));
    }

    private static ClaimId claimId(int c) {
        return new ClaimId(new UUID(CLAIM, c));
    }

    /** One command: a clerk of the community's township, a request and its correlation. */
    private void beginCommand(int community) {
        String request = "county-" + (++command);
        metaData = MetaData.with("actor", "clerk-" + township(community / COMMUNITIES_PER_TOWNSHIP))
                           .and("role", "CLERK")
                           .and("requestId", request)
                           .and("correlationId", request);
    }

    private void emitPerson(int p, Object payload) {
        emit("Person", personId(p).value(), personSequence[p]++, payload);
    }

    private void emitHousehold(int h, Object payload) {
        emit("Household", householdId(h).value(), householdSequence[h]++, payload);
    }

    private void emit(String type, UUID aggregate, long sequence, Object payload) {
        clock = clock.plusMillis(20);
        batch.add(new GenericDomainEventMessage<>(type, aggregate.toString(), sequence, payload, metaData,
                new UUID(random.nextLong(), random.nextLong()).toString(), clock));
        eventsByType.merge(payload.getClass().getSimpleName(), 1L, Long::sum);
        if (batch.size() >= batchSize) {
            flush();
        }
    }

    private void flush() {
        if (!batch.isEmpty()) {
            store.accept(List.copyOf(batch));
            events += batch.size();
            batch.clear();
        }
    }
}
