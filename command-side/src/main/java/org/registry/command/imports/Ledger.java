package org.registry.command.imports;

import org.registry.kernel.common.RejectionException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static org.registry.command.imports.Column.ADDRESS;
import static org.registry.command.imports.Column.BASIS;
import static org.registry.command.imports.Column.BIRTH_DATE;
import static org.registry.command.imports.Column.CERTIFICATE_EXPIRY;
import static org.registry.command.imports.Column.CERTIFICATE_NUMBER;
import static org.registry.command.imports.Column.CHECK_UP_DATE;
import static org.registry.command.imports.Column.CHECK_UP_TYPE;
import static org.registry.command.imports.Column.COMMUNITY_CODE;
import static org.registry.command.imports.Column.ETHNICITY;
import static org.registry.command.imports.Column.FACILITY;
import static org.registry.command.imports.Column.FATHER_NATIONAL_ID;
import static org.registry.command.imports.Column.FOLLOW_UP_DUE;
import static org.registry.command.imports.Column.GRANTED_ON;
import static org.registry.command.imports.Column.HOUSEHOLD_NUMBER;
import static org.registry.command.imports.Column.KIND;
import static org.registry.command.imports.Column.MARITAL_STATUS;
import static org.registry.command.imports.Column.MOTHER_NATIONAL_ID;
import static org.registry.command.imports.Column.MOVE_REASON;
import static org.registry.command.imports.Column.NAME;
import static org.registry.command.imports.Column.NATIONAL_ID;
import static org.registry.command.imports.Column.NOTES;
import static org.registry.command.imports.Column.ORIGIN;
import static org.registry.command.imports.Column.POSTAL_CODE;
import static org.registry.command.imports.Column.PROGRAMME;
import static org.registry.command.imports.Column.REGISTERED_ON;
import static org.registry.command.imports.Column.RELATION_TO_HEAD;
import static org.registry.command.imports.Column.RESIDENCY;
import static org.registry.command.imports.Column.RESIDENT_SINCE;
import static org.registry.command.imports.Column.RESULT;
import static org.registry.command.imports.Column.RISK_LEVEL;
import static org.registry.command.imports.Column.SEX;

/**
 * The kinds of ledger an import reads, each with its columns (in the template's order) and the ones a file of it
 * must have. A file's kind is the one asked for ({@code kind}), else the one its XLSX sheet is named for, else the
 * one its headers show (a mother's national ID: births; a check-up's type: check-ups; a programme: recipients),
 * persons when nothing says otherwise.
 */
enum Ledger {

    PERSONS("persons", "人员", List.of(HOUSEHOLD_NUMBER, COMMUNITY_CODE, ADDRESS, KIND, POSTAL_CODE, REGISTERED_ON,
            NATIONAL_ID, NAME, SEX, BIRTH_DATE, ETHNICITY, MARITAL_STATUS, RELATION_TO_HEAD, RESIDENCY, RESIDENT_SINCE,
            ORIGIN, MOVE_REASON, CERTIFICATE_NUMBER, CERTIFICATE_EXPIRY),
            Set.of(HOUSEHOLD_NUMBER, COMMUNITY_CODE, ADDRESS, NATIONAL_ID, NAME, SEX, BIRTH_DATE, RELATION_TO_HEAD),
            "一行一人；同一社区内户号相同的行为同一户，住址、户别等户信息以该户第一行为准。"
                    + "已在登记簿中的身份证号视为已匹配，不重复登记。",
            "One row a person; rows with the same community code and household number are one household, whose "
                    + "details come from its first row. National IDs already on the register are matched, never "
                    + "registered twice."),
    FLOATING("floating", "流动人口", PERSONS.columns, union(PERSONS.required, Set.of(ORIGIN, RESIDENT_SINCE)),
            "一行一名流入的流动人口，列与人员台账相同；居住状况空为流入，户别空为流动人口户；来源地、居住起始日期必填，"
                    + "婚育证明编号与有效期同填。已在登记簿中的身份证号视为已匹配。",
            "One row a floating resident who came here, with the columns of the persons ledger; the residency is "
                    + "FLOATING_IN and the household's kind FLOATING when blank; origin and the day the stay began are "
                    + "required, a certificate's number goes with its expiry. National IDs on the register are "
                    + "matched."),
    BIRTHS("births", "出生", List.of(MOTHER_NATIONAL_ID, NAME, SEX, BIRTH_DATE, NATIONAL_ID, FATHER_NATIONAL_ID,
            ETHNICITY, COMMUNITY_CODE, HOUSEHOLD_NUMBER, RELATION_TO_HEAD),
            Set.of(MOTHER_NATIONAL_ID, NAME, SEX, BIRTH_DATE),
            "一行一个出生的孩子；母亲须已在登记簿中，孩次按母亲的活产自动推算。户默认为母亲所在户，"
                    + "或填社区代码和已导入的户号；与户主关系空为子女。孩子的身份证号已在登记簿中，"
                    + "或母亲已有同日出生、同性别的孩子，视为已匹配。",
            "One row a child born; the mother must be on the register, the birth order is derived from her live "
                    + "births. The household is the mother's, or the one an import registered under the community "
                    + "code and household number; the relation to the head is CHILD when blank. A child whose national "
                    + "ID is on the register, or a child of the mother born the same day with the same sex, is matched."),
    CHECK_UPS("check-ups", "体检", List.of(NATIONAL_ID, CHECK_UP_TYPE, CHECK_UP_DATE, FACILITY, RESULT, RISK_LEVEL,
            NOTES, FOLLOW_UP_DUE),
            Set.of(NATIONAL_ID, CHECK_UP_TYPE, CHECK_UP_DATE, FACILITY, RESULT),
            "一行一次今年的检查；受检人须已在登记簿中（按身份证号）。同一人同一天同类检查已在登记簿中的视为已匹配，"
                    + "不重复登记。",
            "One row a check-up of this year; the person must be on the register (by national ID). A check-up of the "
                    + "same type on the same day the person's record holds is matched, never recorded twice."),
    RECIPIENTS("recipients", "奖励扶助对象", List.of(NATIONAL_ID, PROGRAMME, GRANTED_ON, BASIS, NOTES),
            Set.of(NATIONAL_ID, PROGRAMME, GRANTED_ON),
            "一行一名登记簿建立前已批准的奖励扶助对象；对象须已在登记簿中（按身份证号），按导入当日登记簿所知审核资格，"
                    + "不符合的行被拒绝并说明原因。记为自享受起始日期起已批准，以本次导入为依据；自导入当月（按年发放的"
                    + "为当年）起由登记簿发放，导入当年视为已年审。已有该项目在办或已批准的申请视为已匹配。",
            "One row a recipient the office granted a benefit before the register; the person must be on the register "
                    + "(by national ID), and is found eligible by the rules of a claim on what the register knows on "
                    + "the import day, else the row is refused with the reason. Recorded as granted since the day "
                    + "given, the import as the basis; paid by the register from the import's month (a yearly "
                    + "programme: its year) on, re-certified for the import's year. A person with an open or granted "
                    + "claim of the programme is matched.");

    private static Set<Column> union(Set<Column> first, Set<Column> second) {
        Set<Column> both = new java.util.HashSet<>(first);
        both.addAll(second);
        return Set.copyOf(both);
    }

    /** The name of the {@code kind} parameter and of the template's sheet (with the Chinese name before it). */
    final String english;
    final String chinese;
    final List<Column> columns;
    final Set<Column> required;
    final String noteChinese;
    final String noteEnglish;

    Ledger(String english, String chinese, List<Column> columns, Set<Column> required, String noteChinese,
           String noteEnglish) {
        this.english = english;
        this.chinese = chinese;
        this.columns = columns;
        this.required = required;
        this.noteChinese = noteChinese;
        this.noteEnglish = noteEnglish;
    }

    /** The kind a {@code kind} parameter names: exactly its English name, as the API lists them. */
    static Optional<Ledger> named(String name) {
        return Arrays.stream(values()).filter(kind -> kind.english.equals(name)).findFirst();
    }

    /** The kind a {@code kind} parameter (or option) asks for; null when absent; 400 for a name of none. */
    static Ledger asked(String name) {
        return name == null ? null : named(name).orElseThrow(() -> RejectionException.invalid("kind",
                "VALIDATION_FAILED", "kind is one of " + names() + ", not '" + name + "'"));
    }

    /** The kind an XLSX sheet's name names, in Chinese or English (the template's "出生 births"). */
    static Optional<Ledger> ofSheet(String sheetName) {
        String name = sheetName == null ? "" : sheetName.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> name.contains(kind.english) || name.contains(kind.chinese))
                     .findFirst();
    }

    /**
     * The kind the columns of a header row show: a mother's national ID is a birth's, a check-up's type one's, a
     * programme a recipient's.
     */
    static Ledger ofHeaders(Set<Column> headers) {
        return headers.contains(MOTHER_NATIONAL_ID) ? BIRTHS : headers.contains(CHECK_UP_TYPE) ? CHECK_UPS
                : headers.contains(PROGRAMME) ? RECIPIENTS : PERSONS;
    }

    boolean isRequired(Column column) {
        return required.contains(column);
    }

    /** The columns a file of this kind must have, in the template's order. */
    List<Column> requiredColumns() {
        return columns.stream().filter(required::contains).toList();
    }

    /** As the template's sheet is named. */
    String sheetName() {
        return chinese + " " + english;
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(kind -> kind.english).toList());
    }
}
