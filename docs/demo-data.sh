#!/usr/bin/env bash
# Loads a small demo county into a running registry, through its HTTP API as the demo clerk: two townships of
# county 330106, three communities, a dozen families with births, deaths, marriages, moves, floating residents and
# check-ups dated this year. Run it once against an empty embedded default:
#     docs/demo-data.sh [http://localhost:8080]
set -euo pipefail
BASE="${1:-http://localhost:8080}"
USER_PASS="${DEMO_USER:-clerk:clerk}"
YEAR="$(date +%Y)"
TODAY="$(date +%F)"
SEQ=0

on() { # month day -> that day of this year, or today if it has not come yet (the register refuses future dates)
    local day
    day="$YEAR-$(printf '%02d-%02d' "$((10#$1))" "$((10#$2))")"
    [[ "$day" > "$TODAY" ]] && day="$TODAY"
    echo "$day"
}

post() { # path json -> prints the answer; fails on an HTTP error
    curl -sS --fail-with-body -u "$USER_PASS" -H 'Content-Type: application/json' "$BASE$1" -d "$2"
}
field() { # name -> the value of "name":"..." in the JSON on stdin
    sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"
}
national_id() { # birth date (YYYY-MM-DD), sex -> a valid 18-character ID (GB 11643)
    local date="${1//-/}" weights=(7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) checks="10X98765432" sum=0 i
    SEQ=$((SEQ + 1))
    local odd=0
    [[ "$2" == MALE ]] && odd=1
    local digits=$((SEQ * 2 + odd))
    local first="330106${date}$(printf '%03d' $((digits % 1000)))"
    for i in $(seq 0 16); do sum=$((sum + ${first:$i:1} * weights[i])); done
    echo "$first${checks:$((sum % 11)):1}"
}
household() { # community kind -> id
    post /api/households "{\"communityCode\":\"$1\",\"address\":\"$((RANDOM % 200 + 1)) 文三路 $1\",\"kind\":\"$2\",\"date\":\"2000-01-01\"}" \
        | field householdId
}
person() { # household name sex birthDate relation maritalStatus [residency origin] -> id
    local residency="${7:-PERMANENT}" extra=""
    if [[ "$residency" == FLOATING_IN ]]; then
        extra=",\"origin\":\"$8\",\"moveReason\":\"WORK\",\"certificateNumber\":\"LD-$SEQ\",\"certificateExpiry\":\"$((YEAR + 1))-06-30\""
    fi
    post /api/persons "{\"householdId\":\"$1\",\"name\":\"$2\",\"sex\":\"$3\",\"birthDate\":\"$4\",\
\"nationalId\":\"$(national_id "$4" "$3")\",\"relationToHead\":\"$5\",\"maritalStatus\":\"$6\",\
\"residency\":\"$residency\",\"residentSince\":\"$([[ $residency == FLOATING_IN ]] && on 2 1 || echo 2010-01-01)\"$extra}" \
        | field personId
}
birth() { # mother household name sex date
    post /api/births "{\"motherId\":\"$1\",\"householdId\":\"$2\",\"name\":\"$3\",\"sex\":\"$4\",\"birthDate\":\"$5\"}" >/dev/null
}
checkup() { # person date
    post "/api/persons/$1/check-ups" "{\"type\":\"REPRODUCTIVE_HEALTH\",\"date\":\"$2\",\"facility\":\"镇卫生院\",\"result\":\"NORMAL\"}" >/dev/null
}

families=(王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙)
communities=(330106001001 330106001002 330106002001)
i=0
for surname in "${families[@]}"; do
    community="${communities[$((i % 3))]}"
    h=$(household "$community" REGISTERED)
    father=$(person "$h" "${surname}建国" MALE "$((1980 + i))-03-1$((i % 9))" HEAD MARRIED)
    mother=$(person "$h" "${surname}秀英" FEMALE "$((1984 + i))-07-0$((i % 9 + 1))" SPOUSE MARRIED)
    person "$h" "${surname}老汉" MALE "19$((40 + i))-01-15" PARENT WIDOWED >/dev/null
    if (( i % 2 == 0 )); then
        birth "$mother" "$h" "${surname}小宝" "$([[ $((i % 4)) == 0 ]] && echo MALE || echo FEMALE)" \
            "$(on $((i % 9 + 1)) $((10 + i % 9)))"
    fi
    if (( i % 3 != 2 )); then checkup "$mother" "$(on $((i % 9 + 1)) 20)"; fi
    if (( i % 5 == 4 )); then
        post "/api/persons/$father/moves" "{\"direction\":\"OUT\",\"date\":\"$(on $((i % 9 + 1)) 25)\",\"place\":\"深圳市\",\"moveReason\":\"WORK\"}" >/dev/null
    fi
    i=$((i + 1))
done
f=$(household 330106002001 FLOATING)
person "$f" 赵磊 MALE 1995-05-05 HEAD MARRIED FLOATING_IN 河南省信阳市 >/dev/null
person "$f" 钱芳 FEMALE 1996-06-06 SPOUSE MARRIED FLOATING_IN 河南省信阳市 >/dev/null
echo "demo data loaded into $BASE: county 330106, townships 330106001 and 330106002"
