"""Probabilistic record linkage at HQ: the same person recorded by two teams, found with a measured model.

The model is Fellegi and Sunter's, as Splink implements it (on an in-memory DuckDB; Splink's Spark
backend runs the same model JSON when one machine is not enough, README "HQ dedupe"). Each pair of
persons is compared on names (fieldapp/hq/linkage_features.py: Latin transliteration and own script),
birth year or date, sex, nationality, document number, photo and operation; each comparison lands in
one level, and each level carries m (how often the same person lands there) and u (how often two
different persons do). A pair's match weight is log2 of the prior odds plus log2(m/u) of each
comparison; a same name is weighed by how common it is within its nationality and sex (term
frequency). The weights are what the analyst reads, in words (fieldapp/hq/linkage_words.py).

Estimation uses HQ's own data and no labels:

* u: Splink's random sampling (pairs of random persons are nearly all different persons);
* m: pairs that share a document number, and pairs that share a photo, are the same person with
  near certainty (``estimate_m_from_label_column``); each anchor measures every other comparison, the
  photo anchor measures the document comparison and the document anchor the photo comparison;
* m of the birth comparison apart for anchored pairs with both dates of birth recorded and for the rest,
  weighed by how often two persons both have one: a shared passport brings its date of birth along, so
  the anchored pairs as they come would make "same date of birth" the rule and ages that agree rare;
* m of the name levels weighed by frequency within their context (``NAME_CONTEXTS``): a name in its own
  script can only agree where both records carry one;
* the prior (the probability that two random records match): the anchored pairs over the share of
  true pairs that carry an anchor, which the two anchors measure of each other.

A level the training never observes counts as observed zero times (blended with its default below);
Splink's own starting values are not taken for measurements.

Splink's expectation maximisation was tried on these data first: blocked on names (or on birth year,
nationality and sex) it settled on a split that is not "same person" (same nationality and sex),
because duplicates are rare and common names frequent. Tried again on a population with names of
realistic frequency (tests/bench/hq_population.py), starting from the anchored estimate with u and the
prior fixed, it settled on "same date of birth and same documents" (m of 0 for a year apart, for
different documents and photos): no weight could then be read as evidence, so it is not used.
Estimates are blended with the defaults below (``PRIOR_PAIRS`` pseudo-pairs), so a small or young HQ
store gets a usable model and levels never seen get no weight of certainty.

Records never touch the disk: DuckDB runs in memory with spilling to a temporary folder turned off.
"""

from __future__ import annotations

import copy
import logging
import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fieldapp.errors import message
from fieldapp.hq.linkage_words import Evidence, evidence
from fieldapp.work import Progress, ShouldCancel, stop_if_asked, tell

if TYPE_CHECKING:
    import duckdb

SEARCH_CANCELLED = message("hq.search_cancelled", "The duplicate search was cancelled.")

U_PAIRS = 2e6  # random pairs for u: ~4 s at 100,000 persons
PRIOR_PAIRS = 20.0  # the defaults weigh as much as this many anchored pairs (m) ...
PRIOR_U_PAIRS = 1000.0  # ... or random pairs (u)
DUPLICATE_SHARE = 0.05  # the prior's default: one person in twenty recorded twice
# The search is scored in slices of this many persons (progress, cancel, memory); each slice is blocked
# against everyone again. Measured: at 1,000,000 persons slices of 25,000 peaked at 3.5 GiB and slices of
# 250,000 at 17 GiB in the same time; at 100,000 persons four slices cost 7% more than one.
CHUNK_PERSONS = 25_000
LEVEL_FLOOR = 1e-6

# The same team in the same raid does not register a person twice by accident: never a pair.
_OTHER_TEAM = "(l.device_id IS DISTINCT FROM r.device_id OR l.operation_id <> r.operation_id)"
# Birth as a range (a date of birth, or what an age allows: linkage_features.birth_range); how many
# years lie between two ranges.
_YEARS_APART = "greatest(birth_lo_l - birth_hi_r, birth_lo_r - birth_hi_l, 0.0)"
_MIDDLES_APART = "abs(birth_lo_l + birth_hi_l - birth_lo_r - birth_hi_r) / 2"
_BORN_NEAR = "coalesce(greatest(l.birth_lo - r.birth_hi, r.birth_lo - l.birth_hi) < 3, true)"
_DAYS_APART = "abs(date_diff('day', try_cast(operation_date_l AS DATE), try_cast(operation_date_r AS DATE)))"
_LATIN_NAMES_MEET = " OR ".join(
    f"list_has_any({column}_l, {column}_r)" for column in ("name_sets", "name_letters", "name_consonants")
)

# comparison → [(level label, SQL condition, prior m, prior u, term-frequency column)], most specific
# first; the "different" level last. The priors are the estimates of a 100,000-person set (the bench,
# tests/bench/hq.py) made less certain where the set is cleaner than the field (new photos, new passports).
LEVELS: dict[str, list[tuple[str, str, float, float, str | None]]] = {
    "name": [
        ("same name in own script", "own_name_l = own_name_r", 0.30, 0.0003, "name_tf"),
        (
            "same letters, own script differs",
            f"own_name_l IS NOT NULL AND own_name_r IS NOT NULL AND ({_LATIN_NAMES_MEET})",
            0.01,
            0.00002,
            "name_tf",  # "Wang Wei" written 王伟 and 王薇 are two persons as often as the name is common
        ),
        ("same name", "list_has_any(name_sets_l, name_sets_r)", 0.55, 0.0007, "name_tf"),
        ("same letters", "list_has_any(name_letters_l, name_letters_r)", 0.08, 0.00001, "name_tf"),
        ("same consonants", "list_has_any(name_consonants_l, name_consonants_r)", 0.03, 0.0004, "name_tf"),
        ("similar", "jaro_winkler_similarity(name_main_l, name_main_r) >= 0.88", 0.01, 0.004, None),
        ("different", "ELSE", 0.02, 0.995, None),
    ],
    "birth": [
        ("same date of birth", "dob_l = dob_r", 0.5, 0.0002, None),
        # "births agree": the dates and ages allow the same birth, their middles less than half a year
        # apart (a date of birth within what the other's age allows, or two ages given in the same
        # season); "within a year": born less than a year apart as far as they tell, and so on.
        ("births agree", f"{_YEARS_APART} = 0 AND {_MIDDLES_APART} < 0.5", 0.2, 0.015, "birth_year"),
        ("within a year", f"{_YEARS_APART} < 1", 0.1, 0.1, None),
        ("one year apart", f"{_YEARS_APART} < 2", 0.15, 0.092, None),
        ("two years apart", f"{_YEARS_APART} < 3", 0.03, 0.088, None),
        ("up to five years apart", f"{_YEARS_APART} < 6", 0.01, 0.235, None),
        ("different", "ELSE", 0.01, 0.537, None),
    ],
    "sex": [("same", "sex_l = sex_r", 0.98, 0.55, None), ("different", "ELSE", 0.02, 0.45, None)],
    "nationality": [
        ("same", "nationality_l = nationality_r", 0.97, 0.2, "nationality"),
        ("different", "ELSE", 0.03, 0.8, None),
    ],
    "document": [
        ("same", "document_l = document_r", 0.9, 0.000001, None),
        ("one character apart", "damerau_levenshtein(document_l, document_r) <= 1", 0.05, 0.00001, None),
        ("different", "ELSE", 0.05, 0.99999, None),
    ],
    "photo": [
        ("same", "list_has_any(photos_l, photos_r)", 0.5, 0.00001, None),
        ("different", "ELSE", 0.5, 0.99999, None),
    ],
    "operation": [
        ("same operation", "operation_id_l = operation_id_r", 0.05, 0.02, None),
        ("same day", f"{_DAYS_APART} = 0", 0.05, 0.005, None),
        ("within a month", f"{_DAYS_APART} <= 31", 0.2, 0.1, None),
        ("different", "ELSE", 0.7, 0.875, None),
    ],
}
# The name levels weighed by the name's frequency, by the records they can compare: those where both
# records carry a name in the person's own script (the Latin spelling then counts only as "own script
# differs"), and those where one does not. A name's frequency is how often two different persons share
# it whatever the records carry, so each level's m is taken within its context: a Khmer name written in
# Khmer on both records weighs what it weighs among the pairs that can show it, not diluted by the pairs
# of nationalities written in Latin letters only, which never can.
NAME_CONTEXTS = (
    ("same name in own script", "same letters, own script differs"),
    ("same name", "same letters", "same consonants"),
)
# Levels that need a value most records may lack: where fewer than two persons have it, the data
# cannot show the level at all (not "never seen"), and it keeps its default m and u.
UNOBSERVABLE_WITHOUT = {
    ("birth", "same date of birth"): "dob",
    ("name", "same name in own script"): "own_name",
    ("name", "same letters, own script differs"): "own_name",
}
NULL_COLUMN = {
    "name": "name_sets",
    "birth": "birth_year",
    "sex": "sex",
    "nationality": "nationality",
    "document": "document",
    "photo": "photos",
    "operation": "operation_date",
}


@dataclass(frozen=True)
class Scored:
    """One candidate pair: indexes into the persons list, the probability and the evidence."""

    a: int
    b: int
    probability: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Estimate:
    """A trained model: Splink's model JSON, and what it was estimated on."""

    model: dict[str, Any]
    persons: int
    anchor_pairs: int
    document_pairs: int


# --- the model's settings ----------------------------------------------------------------------


def _level(label: str, sql: str, tf_column: str | None) -> dict[str, Any]:
    level: dict[str, Any] = {"sql_condition": sql, "label_for_charts": label}
    if tf_column:
        # The level's own u is the base the frequency replaces (the condition is not a plain equality).
        level.update(
            tf_adjustment_column=tf_column, tf_adjustment_weight=1.0, disable_tf_exact_match_detection=True
        )
    return level


def blocking_rules() -> list[Any]:
    """Which pairs are scored at all: a name key (with birth years at most two apart) or a document or
    photo in common, never the same team in the same raid. Exploded arrays: any name of one meets any
    name of the other."""
    from splink.blocking_rule_library import CustomRule

    def rule(sql: str, explode: str | None = None) -> Any:
        return CustomRule(f"{sql} AND {_OTHER_TEAM}", arrays_to_explode=[explode] if explode else None)

    return [
        rule(f"l.name_sets = r.name_sets AND {_BORN_NEAR}", "name_sets"),
        rule(f"l.name_letters = r.name_letters AND {_BORN_NEAR}", "name_letters"),
        rule(
            f"l.name_consonants = r.name_consonants AND l.nationality = r.nationality AND {_BORN_NEAR}",
            "name_consonants",
        ),
        rule("l.document = r.document"),
        rule("l.photos = r.photos", "photos"),
    ]


def settings() -> dict[str, Any]:
    """The model's settings without parameters (Splink's settings dictionary), so that a level the
    training never observes is left out of its measurements."""
    from splink import SettingsCreator
    from splink import comparison_library as cl

    comparisons: list[Any] = []
    for name, levels in LEVELS.items():
        column = NULL_COLUMN[name]
        null = {
            "sql_condition": f"{column}_l IS NULL OR {column}_r IS NULL",
            "label_for_charts": "missing",
            "is_null_level": True,
        }
        made = [null] + [_level(label, sql, tf) for label, sql, _m, _u, tf in levels]
        comparisons.append(cl.CustomComparison(made, output_column_name=name))
    creator = SettingsCreator(
        link_type="dedupe_only",
        comparisons=comparisons,
        blocking_rules_to_generate_predictions=blocking_rules(),
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=True,
        probability_two_random_records_match=0.001,
    )
    return creator.create_settings_dict("duckdb")


def with_parameters(
    model: dict[str, Any], m: dict[tuple[str, str], float], u: dict[tuple[str, str], float], prior: float
) -> dict[str, Any]:
    """The model with these m and u (missing ones: the defaults) and this prior."""
    model = copy.deepcopy(model)
    model["probability_two_random_records_match"] = prior
    for comparison in model["comparisons"]:
        name = comparison["output_column_name"]
        defaults = {label: (pm, pu) for label, _sql, pm, pu, _tf in LEVELS[name]}
        for level in comparison["comparison_levels"]:
            label = level.get("label_for_charts")
            if level.get("is_null_level") or label not in defaults:
                continue
            level["m_probability"] = max(LEVEL_FLOOR, m.get((name, label), defaults[label][0]))
            level["u_probability"] = max(LEVEL_FLOOR, u.get((name, label), defaults[label][1]))
    return model


def has_current_levels(model: dict[str, Any]) -> bool:
    """Whether a stored model compares what this program compares, level by level and in the same way
    (an older program's model is not)."""
    found = {
        comparison["output_column_name"]: [
            (level["label_for_charts"], level["sql_condition"])
            for level in comparison["comparison_levels"]
            if not level.get("is_null_level")
        ]
        for comparison in model["comparisons"]
    }
    return found == {name: [(level[0], level[1]) for level in levels] for name, levels in LEVELS.items()}


def parameters(model: dict[str, Any], which: str) -> dict[tuple[str, str], float]:
    """(comparison, level) → m or u as the model holds them (levels never observed are left out)."""
    found = {}
    for comparison in model["comparisons"]:
        for level in comparison["comparison_levels"]:
            value = level.get(f"{which}_probability")
            if value is not None and not level.get("is_null_level"):
                found[(comparison["output_column_name"], level["label_for_charts"])] = float(value)
    return found


def _prior(level: tuple[str, str, float, float, str | None], which: int) -> float:
    return level[2] if which == 2 else level[3]


def blend(
    estimated: dict[tuple[str, str], float],
    pairs: dict[str, float],
    weight: float,
    which: int,
    unobservable: frozenset[tuple[str, str]] = frozenset(),
) -> dict[tuple[str, str], float]:
    """Estimates from ``pairs[comparison]`` observations and the defaults as ``weight`` pseudo-observations;
    a level not observed counts as seen zero times (when anything was observed), and each comparison sums
    to 1. A level the data cannot show (a same date of birth where nobody has one) keeps its default and
    stands apart: the others, the only ones pairs here can land in, still sum to 1."""
    blended: dict[tuple[str, str], float] = {}
    for name, levels in LEVELS.items():
        seen_pairs = pairs.get(name, 0.0)
        raw, fixed = {}, {}
        for level in levels:
            key = (name, level[0])
            if key in unobservable:
                fixed[key] = _prior(level, which)
                continue
            seen = estimated.get(key, 0.0) if seen_pairs > 0 else 0.0
            raw[key] = (seen * seen_pairs + _prior(level, which) * weight) / (seen_pairs + weight)
        total = sum(raw.values())
        blended.update({key: value / total for key, value in raw.items()})
        blended.update(fixed)
    return blended


def within_context(m: dict[tuple[str, str], float]) -> dict[tuple[str, str], float]:
    """m of the frequency-weighed name levels given their context (``NAME_CONTEXTS``): each level's
    share among the levels of its context. The "similar" and "different" levels, a few hundredths of
    the same persons, keep m over all pairs (their u is measured over all pairs too)."""
    found = dict(m)
    for labels in NAME_CONTEXTS:
        context = sum(m[("name", label)] for label in labels)
        for label in labels:
            found[("name", label)] = m[("name", label)] / context
    return found


# --- DuckDB and Splink --------------------------------------------------------------------------


@contextmanager
def _database() -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory DuckDB that never writes records to a temporary folder and never downloads."""
    import duckdb

    logging.getLogger("splink").setLevel(logging.ERROR)  # Splink's notes are not the analyst's
    con = duckdb.connect(":memory:")
    try:
        con.execute("SET temp_directory = ''")  # out of memory is an error, never a spill to disk
        con.execute("SET autoinstall_known_extensions = false")
        yield con
    finally:
        con.close()


def _schema() -> Any:
    import pyarrow as pa

    text, texts = pa.string(), pa.list_(pa.string())
    return pa.schema(
        [
            ("unique_id", pa.int64()),
            ("name_sets", texts),
            ("name_letters", texts),
            ("name_consonants", texts),
            ("name_main", text),
            ("name_tf", text),
            ("own_name", text),
            ("birth_year", pa.int64()),
            ("birth_lo", pa.float64()),
            ("birth_hi", pa.float64()),
            ("dob", text),
            ("sex", text),
            ("nationality", text),
            ("document", text),
            ("photos", texts),
            ("photo_anchor", text),
            ("document_dated", text),
            ("photo_dated", text),
            ("operation_id", text),
            ("operation_date", text),
            ("device_id", text),
        ]
    )


class _Linkage:
    """One DuckDB with the persons registered, and Splink linkers over it."""

    def __init__(
        self, con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]], tf_rows: list[dict[str, Any]]
    ):
        import pyarrow as pa
        from splink import DuckDBAPI

        self.con = con
        self.db = DuckDBAPI(con)
        self.persons = self.db.register(pa.Table.from_pylist(rows, schema=_schema()))
        schema = pa.schema([("name_tf", pa.string()), ("tf_name_tf", pa.float64())])
        self.name_tf = self.db.register(pa.Table.from_pylist(tf_rows, schema=schema))
        self.count = len(rows)

    def linker(self, model: dict[str, Any]) -> Any:
        from splink import Linker

        linker = Linker(self.persons, copy.deepcopy(model), log_level=None)
        linker.table_management.register_term_frequency_lookup(self.name_tf, "name_tf")
        return linker

    def scalar(self, sql: str) -> int:
        table = self.persons.physical_name
        return int(self.con.execute(sql.format(t=table)).fetchall()[0][0])

    def anchored(self, column: str) -> int:
        return self.scalar(
            f"SELECT count(*) FROM {{t}} l JOIN {{t}} r ON l.{column} = r.{column} "
            "AND l.unique_id < r.unique_id"
        )


@contextmanager
def opened(rows: list[dict[str, Any]], tf_rows: list[dict[str, Any]]) -> Iterator[_Linkage]:
    with _database() as con:
        yield _Linkage(con, rows, tf_rows)


def estimate(
    rows: list[dict[str, Any]],
    tf_rows: list[dict[str, Any]],
    *,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> Estimate:
    """The model's parameters from these persons (no labels; see the module's docstring)."""
    base = settings()
    with opened(rows, tf_rows) as linkage:
        n = linkage.count
        total_pairs = n * (n - 1) / 2
        u: dict[tuple[str, str], float] = {}
        sampled = 0.0
        tell(progress, 0, 3, "u")
        if n >= 2:
            linker = linkage.linker(base)
            linker.training.estimate_u_using_random_sampling(max_pairs=U_PAIRS, seed=1)
            u, sampled = parameters(linker.misc.save_model_to_json(), "u"), min(U_PAIRS, total_pairs)
        documents, photos = linkage.anchored("document"), linkage.anchored("photo_anchor")
        both = linkage.scalar(
            "SELECT count(*) FROM {t} l JOIN {t} r ON l.photo_anchor = r.photo_anchor "
            "AND l.unique_id < r.unique_id AND l.document = r.document"
        )
        stop_if_asked(should_cancel, SEARCH_CANCELLED)
        tell(progress, 1, 3, "m")
        by_document = _m_from(linkage, base, "document") if documents else {}
        stop_if_asked(should_cancel, SEARCH_CANCELLED)
        tell(progress, 2, 3, "m")
        by_photo = _m_from(linkage, base, "photo_anchor") if photos else {}
        dated = {column: linkage.anchored(column) for column in ("document_dated", "photo_dated")}
        by_dated = {column: _m_from(linkage, base, column) for column, count in dated.items() if count}
        tell(progress, 3, 3, "m")
    unobservable = frozenset(
        key for key, column in UNOBSERVABLE_WITHOUT.items() if sum(1 for r in rows if r[column]) < 2
    )
    m: dict[tuple[str, str], float] = {}
    pairs = documents + photos
    anchors, by_anchor = (
        {"document": documents, "photo": photos},
        {"document": by_document, "photo": by_photo},
    )
    for name, levels in LEVELS.items():
        for label, *_ in levels:
            key = (name, label)
            if name == "document":
                m[key] = by_photo.get(key, 0.0)
            elif name == "photo":
                m[key] = by_document.get(key, 0.0)
            elif pairs:
                m[key] = _pooled(key, by_anchor, anchors)
    m.update(_birth_m(m, pairs, by_dated, dated, rows))
    # How many pairs each comparison was measured on: the pairs where both sides have a value.
    known = {
        name: sum(1 for r in rows if r[column] is not None) / max(1, n)
        for name, column in NULL_COLUMN.items()
    }
    anchor_pairs = {"document": float(photos), "photo": float(documents)}
    m_pairs = {name: anchor_pairs.get(name, float(pairs)) * known[name] ** 2 for name in LEVELS}
    u_pairs = {name: sampled * known[name] ** 2 for name in LEVELS}
    blended_m = within_context(blend(m, m_pairs, PRIOR_PAIRS, 2, unobservable))
    blended_u = blend(u, u_pairs, PRIOR_U_PAIRS, 3, unobservable)
    # The share of true pairs that carry an anchor, each anchor measured on the other's pairs.
    share_document = (both + PRIOR_PAIRS * 0.3) / (photos + PRIOR_PAIRS)
    share_photo = (both + PRIOR_PAIRS * 0.15) / (documents + PRIOR_PAIRS)
    recall = 1 - (1 - share_document) * (1 - share_photo)
    expected = DUPLICATE_SHARE * n
    true_pairs = ((documents + photos - both) / recall * pairs + expected * PRIOR_PAIRS) / (
        pairs + PRIOR_PAIRS
    )
    prior = min(0.5, max(1e-12, true_pairs / max(1.0, total_pairs)))
    model = with_parameters(base, blended_m, blended_u, prior)
    return Estimate(model, n, documents + photos - both, documents)


def _pooled(
    key: tuple[str, str], measured: dict[str, dict[tuple[str, str], float]], pairs: dict[str, int]
) -> float:
    """One level's m over several anchors, each weighed by how many pairs it measured it on."""
    total = sum(measured.get(anchor, {}).get(key, 0.0) * n for anchor, n in pairs.items())
    return total / sum(pairs.values())


def _birth_m(
    m: dict[tuple[str, str], float],
    pairs: int,
    by_dated: dict[str, dict[tuple[str, str], float]],
    dated: dict[str, int],
    rows: list[dict[str, Any]],
) -> dict[tuple[str, str], float]:
    """The birth comparison's m for two persons as often dated as any two.

    Anchored pairs share a document, and a person with a document has the date of birth from it: among
    them both dates are recorded far more often than among persons in general, so "same date of birth"
    would take most of m and a same person known by ages would look unlikely. m is measured apart on
    the anchored pairs with both dates recorded and on the rest, and weighed by how often two persons
    both have a date of birth."""
    dated_pairs = sum(dated.values())
    rest_pairs = pairs - dated_pairs
    if not dated_pairs or rest_pairs <= 0:
        return {}
    births = [r for r in rows if r["birth_lo"] is not None]
    both_dated = (sum(1 for r in births if r["dob"]) / len(births)) ** 2
    found = {}
    for label, *_ in LEVELS["birth"]:
        key = ("birth", label)
        among_dated = _pooled(key, by_dated, dated)
        among_rest = max(0.0, m.get(key, 0.0) * pairs - among_dated * dated_pairs) / rest_pairs
        found[key] = both_dated * among_dated + (1 - both_dated) * among_rest
    return found


def _m_from(linkage: _Linkage, base: dict[str, Any], column: str) -> dict[tuple[str, str], float]:
    linker = linkage.linker(base)
    linker.training.estimate_m_from_label_column(column)
    return parameters(linker.misc.save_model_to_json(), "m")


# --- scoring ------------------------------------------------------------------------------------


def _levels_by_gamma(model: dict[str, Any]) -> dict[str, dict[int, str]]:
    """Splink numbers a comparison's levels from the most specific (highest) down to 0; null is -1."""
    found = {}
    for comparison in model["comparisons"]:
        levels = [lv for lv in comparison["comparison_levels"] if not lv.get("is_null_level")]
        found[comparison["output_column_name"]] = {
            len(levels) - 1 - k: lv["label_for_charts"] for k, lv in enumerate(levels)
        }
    return found


def _tf_comparisons(model: dict[str, Any]) -> set[str]:
    return {
        c["output_column_name"]
        for c in model["comparisons"]
        if any(lv.get("tf_adjustment_column") for lv in c["comparison_levels"])
    }


def _scored(relation: Any, model: dict[str, Any]) -> list[Scored]:
    names = list(LEVELS)
    tf = _tf_comparisons(model)
    columns = ["unique_id_l", "unique_id_r", "match_probability"]
    for name in names:
        columns += [f"gamma_{name}", f"mw_{name}", f"mw_tf_adj_{name}" if name in tf else "0.0"]
    by_gamma = _levels_by_gamma(model)
    u = parameters(model, "u")
    found = []
    for row in relation.select(", ".join(columns)).fetchall():
        items = []
        for k, name in enumerate(names):
            gamma, weight, tf_weight = row[3 + 3 * k : 6 + 3 * k]
            if gamma is None or int(gamma) < 0:
                continue  # missing on one side: no evidence either way
            level = by_gamma[name][int(gamma)]
            tf_weight = float(tf_weight or 0.0)
            # The name's share in its group, back from the adjustment log2(u) - log2(share).
            share = u[(name, level)] / 2**tf_weight if name == "name" and tf_weight else None
            items.append(evidence(name, level, float(weight or 0.0), tf_weight, share))
        items.sort(key=lambda e: -abs(e.weight))
        a, b = sorted((int(row[0]), int(row[1])))
        found.append(Scored(a, b, float(row[2]), tuple(items)))
    return found


def predict(
    linkage: _Linkage,
    model: dict[str, Any],
    *,
    threshold: float,
    progress: Progress | None = None,
    should_cancel: ShouldCancel | None = None,
) -> list[Scored]:
    """Every pair the blocking rules find scoring ``threshold`` or more, in slices of persons."""
    linker = linkage.linker(model)
    chunks = max(1, math.ceil(linkage.count / CHUNK_PERSONS))
    found: list[Scored] = []
    for chunk in range(1, chunks + 1):
        stop_if_asked(should_cancel, SEARCH_CANCELLED)
        frame = linker.inference.predict_chunk(
            left_chunk=(chunk, chunks) if chunks > 1 else None,
            threshold_match_probability=threshold,
            warning_mode="never",
        )
        found += _scored(frame.as_duckdbpyrelation(), model)
        frame.drop_table_from_database_and_remove_from_cache()
        tell(progress, chunk, chunks)
    return found


def score_pair(linkage: _Linkage, model: dict[str, Any], a: int, b: int) -> Scored:
    """One pair, whether or not the blocking rules would have found it."""
    persons = linkage.persons.physical_name
    tf = linkage.name_tf.physical_name
    records = []
    for index in (a, b):
        relation = linkage.con.sql(
            f"SELECT p.*, t.tf_name_tf FROM {persons} p LEFT JOIN {tf} t ON t.name_tf = p.name_tf "
            f"WHERE p.unique_id = {int(index)}"
        )
        records.append(dict(zip(relation.columns, relation.fetchall()[0], strict=True)))
    linker = linkage.linker(model)
    frame = linker.inference.score_pair(records[0], records[1])
    (scored,) = _scored(frame.as_duckdbpyrelation(), model)
    return scored
