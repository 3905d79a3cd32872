"""The HQ dashboard: counts of persons across all teams, by the dimensions analysts report on.

Who is counted: every person not withdrawn or purged, and not merged into another person (an active row
of ``hq_links``: person_b was merged into person_a, so only person_a counts). Every section's rows add up
to ``total``, except ``PARTIAL_SECTIONS``: ``referral`` counts only persons with a final handover, and the
follow-up sections below only persons with a status.

How: one pass over ``persons`` and one over the final handovers, in the portable SQL subset (SQLite and
PostgreSQL through the same ``store.conn.execute``), counted in Python; the operations (a few rows) and
the final handovers' JSON are read in Python. Age bands are the CTDC bins of :mod:`fieldapp.hq.exports`.

Outcomes (HQ's follow-up, :mod:`fieldapp.hq.followup`): ``case_status`` counts each counted person's current
status ("No status recorded" for the rest, so it adds up to ``total``); by operation and by nationality
count only persons with a status; ``status_changes`` counts every status decision by the month it took
effect. All read ``hq_case_statuses`` (derived from the signed decisions) joined to the same scope.

Dates: a person's date is their operation's date (the raid day) when the operation has one, else the day
they were registered (``created_at``, UTC). The filter's date range and the time chart both use it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from operator import itemgetter
from typing import Any, Literal

from fieldapp.errors import message, term
from fieldapp.hq.errors import HqError
from fieldapp.hq.exports import AGE_BINS, age_broad
from fieldapp.hq.followup import STATUS_LABELS
from fieldapp.hq.store import HqStore
from fieldapp.records.consular import ConsularCount, consular_counts
from fieldapp.reports.labels import receiving_label

DATE_ENDS = {"from": term("date range", "from"), "to": term("date range", "to")}
BAD_DATE = message("hq.bad_date", "The {name} date must be written YYYY-MM-DD (got '{value}').")
EMPTY_RANGE = message("hq.empty_date_range", "The date range is empty: {low} is after {high}.")


SECTION_KEYS = (
    "operation",
    "province",
    "nationality",
    "sex",
    "age_band",
    "outcome",
    "referral",
    "over_time",
    "case_status",
    "case_status_by_operation",
    "case_status_by_nationality",
    "status_changes",
)
NO_STATUS = "No status recorded"
# Sections whose rows count only some of the persons (final handovers; persons with a follow-up status; status
# decisions): every other section adds up to the total.
PARTIAL_SECTIONS = ("referral", "case_status_by_operation", "case_status_by_nationality", "status_changes")
UNKNOWN = "Unknown"


def _age_band(ctdc_label: str) -> str:
    """The CTDC band as people read it ("24–26"); CTDC's files write "24--26"."""
    return ctdc_label.replace("--", "–")


AGE_ORDER = [_age_band(label) for _, _, label in AGE_BINS] + ["48+", UNKNOWN]
SEX_LABELS = {"female": "Female", "male": "Male", "other": "Other", "unknown": "Unknown"}
OUTCOME_LABELS = {
    "PRESUMED_VICTIM": "Presumed victim",
    "PRESUMED_CHILD_VICTIM": "Presumed child victim",
    "POSSIBLE_VICTIM": "Possible victim",
    "INDICATORS_BELOW_THRESHOLD": "Possible victim (below threshold)",
    "NO_INDICATORS_FOUND": "No indicators found",
    "UNDETERMINED": "Undetermined",
    "": "Not screened",
}
TITLES: dict[str, tuple[str, str]] = {
    "operation": ("Persons by operation", "បុគ្គលតាមប្រតិបត្តិការ"),
    "province": ("Persons by province of the operation", "បុគ្គលតាមខេត្តនៃប្រតិបត្តិការ"),
    "nationality": ("Persons by nationality", "បុគ្គលតាមសញ្ជាតិ"),
    "sex": ("Persons by sex", "បុគ្គលតាមភេទ"),
    "age_band": ("Persons by age band", "បុគ្គលតាមក្រុមអាយុ"),
    "outcome": ("Screening outcome (latest screening)", "លទ្ធផលនៃការពិនិត្យបឋម (ចុងក្រោយ)"),
    "referral": ("Referred to (final handovers)", "បានបញ្ជូនទៅ (ការប្រគល់ចុងក្រោយ)"),
    "over_time": ("Persons over time", "បុគ្គលតាមពេលវេលា"),
    "case_status": ("Case status now (HQ follow-up)", "ស្ថានភាពករណីឥឡូវ (ការតាមដានរបស់ទីស្នាក់ការកណ្តាល)"),
    "case_status_by_operation": ("Case status now, by operation", "ស្ថានភាពករណីឥឡូវ តាមប្រតិបត្តិការ"),
    "case_status_by_nationality": ("Case status now, by nationality", "ស្ថានភាពករណីឥឡូវ តាមសញ្ជាតិ"),
    "status_changes": ("Case statuses by month they took effect", "ស្ថានភាពករណី តាមខែដែលមានប្រសិទ្ធភាព"),
}
CONSULAR_TITLE = ("Embassy notifications by nationality", "ការជូនដំណឹងទៅស្ថានទូតតាមសញ្ជាតិ")
WEEKLY_UP_TO_DAYS = 26 * 7  # longer spans are shown by month, and spans over ten years by year
MONTHLY_UP_TO_MONTHS = 120
TOP_BODIES = 5  # receiving bodies named in the referral section; the rest are counted by type


@dataclass(frozen=True)
class DashboardFilter:
    operation_id: str | None = None
    date_from: str | None = None  # ISO dates, inclusive, on the operation date (else created_at)
    date_to: str | None = None

    def describe(self, operations: dict[str, str] | None = None) -> str:
        parts = []
        if self.operation_id:
            name = (operations or {}).get(self.operation_id, self.operation_id)
            parts.append(f"operation {name}")
        if self.date_from or self.date_to:
            parts.append(f"dates {self.date_from or '…'} to {self.date_to or '…'}")
        return "; ".join(parts) or "all operations, all dates"


@dataclass(frozen=True)
class Section:
    key: str
    title_en: str
    title_km: str
    rows: list[tuple[str, int]]  # (label, count)
    kind: Literal["bar", "time"] = "bar"
    period: str = ""  # over_time: "week", "month" or "year"


@dataclass(frozen=True)
class Dashboard:
    total: int
    sections: list[Section]
    where: DashboardFilter = field(default_factory=DashboardFilter)
    filter_text: str = "all operations, all dates"
    generated_at: str = ""
    # The consular desk over the same persons, by nationality code ("" unknown): consented persons waiting
    # to be notified to their embassy, those notified, median hours from registration to notification.
    # None when not counted (``dashboard(consular=False)``): then the PNG and PDF have no table.
    consular: dict[str, ConsularCount] | None = None

    def consular_rows(self) -> list[tuple[str, ConsularCount]]:
        """(nationality name, counts), most waiting first."""
        return sorted(
            ((_nationality(code), count) for code, count in (self.consular or {}).items()),
            key=lambda row: (-row[1].pending, -row[1].notified, row[0]),
        )

    def section(self, key: str) -> Section:
        for s in self.sections:
            if s.key == key:
                return s
        raise KeyError(key)


@dataclass(frozen=True)
class _Operation:
    label: str
    province: str
    day: str  # the operation's date, or "" when none was recorded


def _check_date(name: str, value: str | None) -> str | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise HqError(BAD_DATE, name=DATE_ENDS[name], value=value) from None


def _operations(store: HqStore) -> dict[str, _Operation]:
    found = {}
    for op_id, code, name, data in store.conn.execute("SELECT id, code, name, data FROM operations"):
        fields = json.loads(data) if data else {}
        label = f"{code} · {name}" if code else str(name)
        day = str(fields.get("date") or "")[:10]
        found[str(op_id)] = _Operation(label, str(fields.get("province") or "").strip(), day)
    return found


def _marks(values: Sequence[str]) -> str:
    return ", ".join("?" for _ in values)


def scope_sql(
    where: DashboardFilter, operations: dict[str, _Operation], alias: str = "p"
) -> tuple[str, list[Any]]:
    """The WHERE clause (over persons ``alias``) of who the dashboard counts, with its parameters."""
    a = alias
    clauses = [
        f"{a}.status NOT IN ('withdrawn', 'purged')",
        f"{a}.id NOT IN (SELECT l.person_b FROM hq_links l WHERE l.status = 'active')",
    ]
    params: list[Any] = []
    if where.operation_id:
        clauses.append(f"{a}.operation_id = ?")
        params.append(where.operation_id)
    low, high = _check_date("from", where.date_from), _check_date("to", where.date_to)
    if low and high and low > high:
        raise HqError(EMPTY_RANGE, low=low, high=high)
    if low or high:
        dated = sorted(k for k, op in operations.items() if op.day)
        inside = [
            k
            for k in dated
            if (not low or operations[k].day >= low) and (not high or operations[k].day <= high)
        ]
        either = [f"{a}.operation_id IN ({_marks(inside)})"] if inside else []
        params += inside
        own = []  # persons of operations without a date: on the day they were registered
        if dated:
            own.append(f"{a}.operation_id NOT IN ({_marks(dated)})")
            params += dated
        for bound, op in ((low, ">="), (high, "<=")):
            if bound:
                own.append(f"substr({a}.created_at, 1, 10) {op} ?")
                params.append(bound)
        either.append("(" + " AND ".join(own) + ")")
        clauses.append("(" + " OR ".join(either) + ")")
    return " AND ".join(clauses), params


def _by_count(counts: Counter[str]) -> list[tuple[str, int]]:
    return sorted(((label, n) for label, n in counts.items() if n), key=lambda r: (-r[1], r[0]))


def _ordered(counts: Counter[str], order: Iterable[str], *, keep_zero: bool = False) -> list[tuple[str, int]]:
    rows = [(label, counts.get(label, 0)) for label in order]
    rest = sorted(set(counts) - set(order))
    return [(label, n) for label, n in rows + [(label, counts[label]) for label in rest] if n or keep_zero]


def _nationality(code: str) -> str:
    if not code:
        return UNKNOWN
    from fieldapp.reports.labels import nationality_name  # Qt-free: plain label tables

    return nationality_name(code.upper())[0]


def _referral_body(data: dict[str, Any]) -> tuple[str, str]:
    """(type label, the body's name) of one handover."""
    kind = str(data.get("receiving_type") or "")
    label = receiving_label(kind, str(data.get("receiving_country") or ""))[0] if kind else UNKNOWN
    return label, str(data.get("receiving_name") or "").strip()


def _referral_rows(bodies: Counter[tuple[str, str]]) -> list[tuple[str, int]]:
    """The busiest named bodies on their own ("type: name"), every other referral by its type."""
    named = [(body, n) for body, n in bodies.most_common() if body[1]][:TOP_BODIES]
    shown = {body for body, _ in named}
    rows: Counter[str] = Counter({f"{kind}: {name}": n for (kind, name), n in named})
    split = {kind for kind, _ in shown}
    for (kind, name), n in bodies.items():
        if (kind, name) not in shown:
            rows[f"{kind} (other bodies)" if kind in split else kind] += n
    return _by_count(rows)


def _periods(days: Counter[str]) -> tuple[str, list[tuple[str, int]]]:
    """Counts per week (Monday's date), month or year, every period from the first to the last."""
    known = {date.fromisoformat(d): n for d, n in days.items() if _is_day(d)}
    if not known:
        return "month", []
    first, last = min(known), max(known)
    months = (last.year - first.year) * 12 + last.month - first.month
    if (last - first).days <= WEEKLY_UP_TO_DAYS:
        period = "week"

        def bucket(d: date) -> date:
            return d - timedelta(days=d.weekday())

        def step(d: date) -> date:
            return d + timedelta(days=7)

        def label(d: date) -> str:
            return d.isoformat()
    elif months <= MONTHLY_UP_TO_MONTHS:
        period = "month"

        def bucket(d: date) -> date:
            return d.replace(day=1)

        def step(d: date) -> date:
            return date(d.year + d.month // 12, d.month % 12 + 1, 1)

        def label(d: date) -> str:
            return d.strftime("%Y-%m")
    else:
        period = "year"

        def bucket(d: date) -> date:
            return date(d.year, 1, 1)

        def step(d: date) -> date:
            return date(d.year + 1, 1, 1)

        def label(d: date) -> str:
            return str(d.year)

    counts: Counter[date] = Counter()
    for d, n in known.items():
        counts[bucket(d)] += n
    rows, at = [], bucket(first)
    while at <= last:
        rows.append((label(at), counts.get(at, 0)))
        at = step(at)
    return period, rows


def _is_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def dashboard(
    store: HqStore, where: DashboardFilter = DashboardFilter(), *, consular: bool = False
) -> Dashboard:
    """The counts of the charts; with ``consular``, also the consular desk's table (a read of every counted
    person's consent records, so only when it is shown or exported)."""
    operations = _operations(store)
    scope, params = scope_sql(where, operations)
    conn = store.conn
    # One scan, counted in Python (Counter over itemgetter runs in C). Not one GROUP BY per dimension:
    # SQLCipher's sorter, with its memory wiping on, takes ~0.4 s per GROUP BY at 100,000 persons.
    cursor = conn.execute(
        "SELECT p.operation_id, substr(p.created_at, 1, 10), p.nationality, p.sex, p.age, p.outcome "
        f"FROM persons p WHERE {scope}",
        params,
    )
    op_days: Counter[tuple[str, str]] = Counter()
    codes: Counter[str | None] = Counter()
    sexes: Counter[str | None] = Counter()
    years: Counter[int | None] = Counter()
    results: Counter[str | None] = Counter()
    while rows := cursor.fetchmany(20_000):
        op_days.update(map(itemgetter(0, 1), rows))
        codes.update(map(itemgetter(2), rows))
        sexes.update(map(itemgetter(3), rows))
        years.update(map(itemgetter(4), rows))
        results.update(map(itemgetter(5), rows))

    by_operation: Counter[str] = Counter()
    by_province: Counter[str] = Counter()
    by_day: Counter[str] = Counter()
    for (op_id, day), n in op_days.items():
        op = operations.get(str(op_id), _Operation(str(op_id), "", ""))
        by_operation[op.label] += n
        by_province[op.province or UNKNOWN] += n
        by_day[op.day or str(day)] += n
    total = sum(by_operation.values())
    nationality: Counter[str] = Counter()
    for code, n in codes.items():
        nationality[_nationality(str(code or ""))] += n
    sex: Counter[str] = Counter()
    for value, n in sexes.items():
        sex[SEX_LABELS.get(str(value or "unknown"), str(value))] += n
    ages: Counter[str] = Counter()
    for age, n in years.items():
        ages[_age_band(age_broad(int(age))) if age is not None else UNKNOWN] += n
    outcome: Counter[str] = Counter()
    for value, n in results.items():
        outcome[OUTCOME_LABELS.get(str(value or ""), str(value))] += n

    # A person's referral is their latest final handover; no ORDER BY (a sort costs more than this loop).
    latest: dict[str, tuple[str, str, str]] = {}
    for person_id, created, handover_id, data in conn.execute(
        "SELECT h.person_id, h.created_at, h.id, h.data FROM handovers h JOIN persons p ON p.id = h.person_id "
        f"WHERE h.status = 'final' AND {scope}",
        params,
    ):
        key = str(person_id)
        if key not in latest or (created, handover_id) > latest[key][:2]:
            latest[key] = (created, handover_id, data)
    referral = _referral_rows(Counter(_referral_body(json.loads(item[2])) for item in latest.values()))

    outcomes = _outcomes(conn, scope, params, operations, total)
    period, over_time = _periods(by_day)
    sections = [
        _section("operation", _by_count(by_operation)),
        _section("province", _by_count(by_province)),
        _section("nationality", _by_count(nationality)),
        _section("sex", _ordered(sex, SEX_LABELS.values())),
        _section("age_band", _ordered(ages, AGE_ORDER, keep_zero=total > 0)),
        _section("outcome", _ordered(outcome, OUTCOME_LABELS.values())),
        _section("referral", referral),
        Section("over_time", *TITLES["over_time"], over_time, "time", period),
        *outcomes,
    ]
    names = {k: op.label for k, op in operations.items()}
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    desk = consular_counts(conn, (scope, params)) if consular else None
    return Dashboard(total, sections, where, where.describe(names), stamp, desk)


def _outcomes(
    conn: Any, scope: str, params: list[Any], operations: dict[str, _Operation], total: int
) -> list[Section]:
    """The follow-up sections: current status overall, by operation and by nationality; changes by month."""
    current: dict[str, tuple[tuple[str, int], str, str, str]] = {}
    changes: Counter[tuple[str, str]] = Counter()
    for person_id, status, effective, seq, op_id, code in conn.execute(
        "SELECT s.person_id, s.status, s.effective_on, s.seq, p.operation_id, p.nationality "
        f"FROM hq_case_statuses s JOIN persons p ON p.id = s.person_id WHERE {scope}",
        params,
    ):
        took_effect = (str(effective), int(seq))
        key = str(person_id)
        if key not in current or took_effect > current[key][0]:
            current[key] = (took_effect, str(status), str(op_id), str(code or ""))
        changes[(str(effective)[:7], str(status))] += 1
    order = list(STATUS_LABELS)
    overall: Counter[str] = Counter()
    by_operation: Counter[tuple[str, str]] = Counter()
    by_nationality: Counter[tuple[str, str]] = Counter()
    by_op_id: Counter[tuple[str, str]] = Counter()
    by_code: Counter[tuple[str, str]] = Counter()
    for _, status, op_id, code in current.values():  # raw keys first: labels once per key, not per person
        overall[status] += 1
        by_op_id[(op_id, status)] += 1
        by_code[(code, status)] += 1
    for (op_id, status), n in by_op_id.items():
        by_operation[(operations.get(op_id, _Operation(op_id, "", "")).label, status)] += n
    for (code, status), n in by_code.items():
        by_nationality[(_nationality(code), status)] += n

    def rank(status: str) -> int:
        return order.index(status) if status in order else len(order)

    def rows(counts: Counter[tuple[str, str]]) -> list[tuple[str, int]]:
        keys = sorted(counts, key=lambda k: (k[0], rank(k[1]), k[1]))
        return [
            (f"{group} · {STATUS_LABELS.get(status, status)}", counts[(group, status)])
            for group, status in keys
        ]

    now_rows = [(STATUS_LABELS[s], overall[s]) for s in order if overall[s]]
    now_rows += [(s, n) for s, n in sorted(overall.items()) if s not in STATUS_LABELS]
    if total - len(current) > 0:
        now_rows.append((NO_STATUS, total - len(current)))
    return [
        _section("case_status", now_rows),
        _section("case_status_by_operation", rows(by_operation)),
        _section("case_status_by_nationality", rows(by_nationality)),
        _section("status_changes", rows(changes)),
    ]


def _section(key: str, rows: list[tuple[str, int]]) -> Section:
    en, km = TITLES[key]
    return Section(key, en, km, rows)


def as_json(board: Dashboard) -> dict[str, Any]:
    found: dict[str, Any] = {
        "total": board.total,
        "filter": board.filter_text,
        "generated_at": board.generated_at,
        "sections": [
            {
                "key": s.key,
                "title_en": s.title_en,
                "title_km": s.title_km,
                "kind": s.kind,
                "period": s.period,
                "rows": [[label, n] for label, n in s.rows],
            }
            for s in board.sections
        ],
    }
    if board.consular is not None:
        found["consular"] = [
            {
                "nationality": code,
                "pending": count.pending,
                "notified": count.notified,
                "median_hours": count.median_hours,
            }
            for code, count in sorted(board.consular.items())
        ]
    return found
