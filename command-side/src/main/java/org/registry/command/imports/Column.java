package org.registry.command.imports;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The columns of the ledgers ({@link Ledger}: persons with their households, births...): headed in Chinese or in
 * English (the template has both rows), in any order. {@code field} is the name the commands give the value, so a refusal
 * of a command names its column.
 */
enum Column {

    HOUSEHOLD_NUMBER("户号", "householdNumber", "householdNumber",
            "户口簿上的户号；同一社区内户号相同的行属于同一户", "0001"),
    COMMUNITY_CODE("社区代码", "communityCode", "communityCode",
            "户所在村/社区的12位统计用区划代码", "330106001001"),
    ADDRESS("住址", "address", "address", "户的住址；同一户只读第一行", "文三路1号"),
    KIND("户别", "kind", "kind",
            "户籍户、流动人口户或空挂户（REGISTERED、FLOATING、NOMINAL）；空为户籍户", "户籍户"),
    POSTAL_CODE("邮政编码", "postalCode", "postalCode", "6位邮政编码，可空", "310012"),
    REGISTERED_ON("立户日期", "householdRegisteredOn", "date",
            "立户日期；空为该户第一行人员的居住起始日期", "2010-05-01"),
    NATIONAL_ID("公民身份号码", "nationalId", "nationalId",
            "18位居民身份证号；已在登记簿中的号码视为已匹配，不重复登记", "330106199001011234"),
    NAME("姓名", "name", "name", "姓名", "张三"),
    SEX("性别", "sex", "sex", "男或女（MALE、FEMALE），须与身份证号一致", "男"),
    BIRTH_DATE("出生日期", "birthDate", "birthDate",
            "出生日期，如 1990-01-01、1990/1/1、19900101，须与身份证号一致", "1990-01-01"),
    ETHNICITY("民族", "ethnicity", "ethnicity", "民族，可空", "汉族"),
    MARITAL_STATUS("婚姻状况", "maritalStatus", "maritalStatus",
            "未婚、已婚、离婚、丧偶（SINGLE、MARRIED、DIVORCED、WIDOWED）；空为未婚", "已婚"),
    RELATION_TO_HEAD("与户主关系", "relationToHead", "relationToHead",
            "户主、配偶、子女、父母、其他（HEAD、SPOUSE、CHILD、PARENT、OTHER）；每户至多一名户主", "户主"),
    RESIDENCY("居住状况", "residency", "residency",
            "常住或流入（PERMANENT、FLOATING_IN）；空为常住", "常住"),
    RESIDENT_SINCE("居住起始日期", "residentSince", "residentSince",
            "在本地居住的起始日期；常住人口空为出生日期，流入人口必填", "1990-01-01"),
    ORIGIN("来源地", "origin", "origin", "从何处迁来；流入人口必填", "安徽省合肥市"),
    MOVE_REASON("迁入原因", "moveReason", "moveReason",
            "务工、学习、婚嫁、投亲、其他（WORK、STUDY、MARRIAGE、FAMILY、OTHER），须有来源地", "务工"),
    CERTIFICATE_NUMBER("婚育证明编号", "certificateNumber", "certificateNumber",
            "流动人口婚育证明编号，与有效期同填", "LD-2026-001"),
    CERTIFICATE_EXPIRY("婚育证明有效期", "certificateExpiry", "certificateExpiry",
            "流动人口婚育证明有效期至", "2027-12-31"),
    MOTHER_NATIONAL_ID("母亲公民身份号码", "motherNationalId", "motherId",
            "母亲的18位居民身份证号；母亲须已在登记簿中", "330106199001011228"),
    FATHER_NATIONAL_ID("父亲公民身份号码", "fatherNationalId", "fatherId",
            "父亲的18位居民身份证号，可空；填写时父亲须已在登记簿中", "330106198801011236"),
    CHECK_UP_TYPE("检查类型", "checkUpType", "type",
            "生殖健康检查、孕前优生健康检查、孕期随访、产后访视（REPRODUCTIVE_HEALTH、PRE_PREGNANCY、"
                    + "PREGNANCY_FOLLOW_UP、POSTNATAL）", "生殖健康检查"),
    CHECK_UP_DATE("检查日期", "checkUpDate", "date", "检查日期，须在今年之内且不晚于今天", "2026-03-15"),
    FACILITY("检查机构", "facility", "facility", "做检查的机构", "西湖区妇幼保健院"),
    RESULT("检查结果", "result", "result", "正常、需治疗、高风险（NORMAL、NEEDS_TREATMENT、HIGH_RISK）", "正常"),
    RISK_LEVEL("风险评估", "riskLevel", "riskLevel",
            "孕前优生健康检查必填，其他检查不填：低风险、高风险（LOW、HIGH）", "低风险"),
    NOTES("备注", "notes", "notes", "备注，可空", ""),
    FOLLOW_UP_DUE("随访日期", "followUpDue", "followUpDue",
            "高风险孕前检查的随访日期；空为检查后按设定的期限", "2026-04-15"),
    PROGRAMME("项目", "programme", "programme",
            "独生子女父母奖励、农村计划生育家庭奖励扶助、计划生育特别扶助（ONLY_CHILD_PARENT_AWARD、"
                    + "RURAL_REWARD_SUPPORT、SPECIAL_SUPPORT）", "独生子女父母奖励"),
    GRANTED_ON("享受起始日期", "grantedOn", "grantedOn", "开始享受的日期（已批准的日期），不晚于今天", "2018-07-01"),
    BASIS("依据", "basis", "basis",
            "批准的依据（文号等），可空；与备注一并记入，并注明本次导入", "县卫健发〔2018〕12号");

    private static final Map<String, Column> BY_HEADER = Stream.of(values())
            .flatMap(column -> Stream.of(Map.entry(normal(column.chinese), column),
                    Map.entry(normal(column.english), column)))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    private static final Map<String, Column> BY_FIELD = Stream.of(values())
            .collect(Collectors.toMap(column -> column.field, Function.identity(), (first, second) -> first));

    final String chinese;
    final String english;
    /** The field of the commands that carries the value (the household's date is its registration day). */
    final String field;
    final String description;
    final String example;

    Column(String chinese, String english, String field, String description, String example) {
        this.chinese = chinese;
        this.english = english;
        this.field = field;
        this.description = description;
        this.example = example;
    }

    /** The column a header names, in either language, ignoring case, spaces and a trailing asterisk. */
    static Optional<Column> byHeader(String header) {
        return Optional.ofNullable(header == null ? null : BY_HEADER.get(normal(header)));
    }

    /** The column of a command's field, when the field is one of the file's. */
    static Optional<Column> byField(String field) {
        return Optional.ofNullable(field == null ? null : BY_FIELD.get(field));
    }

    /** The column of a command's field among a kind of ledger's columns. */
    static Optional<Column> byField(String field, Ledger ledger) {
        return ledger.columns.stream().filter(column -> column.field.equals(field)).findFirst();
    }

    /** As a report names it: both headers. */
    String label() {
        return chinese + " " + english;
    }

    private static String normal(String header) {
        return header.replace("\uFEFF", "").replaceAll("[\\s*＊]", "").toLowerCase(Locale.ROOT);
    }
}
