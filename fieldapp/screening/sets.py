"""Indicator sets as versioned data: find, load and validate ``resources/indicators/*.json``.

A set file is named ``SETID.json`` or ``SETID@VERSION.json``; several versions of one set may sit side by side
(HQ ships newer ones) and the newest wins unless a version is asked for. HQ also sends its sets inside the
enrolment file; the laptop keeps them in the vault and ``install_vault_sets`` adds them to what the default
folder offers. Every problem in a file raises ``ValidationError`` naming the file and the item. What a
loaded set holds is in ``fieldapp.screening.set_model``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from fieldapp.errors import ValidationError
from fieldapp.screening.set_model import (
    Act,
    Dimension,
    Element,
    Indicator,
    IndicatorSet,
    LinkedItem,
    Localized,
    Strength,
    Text,
    Verification,
)

ENV_RESOURCES = "FIELDAPP_RESOURCES"
DIMENSIONS: tuple[str, ...] = ("DR", "CR", "VR", "EX", "CD", "VD")
REQUIRED_LANGS: tuple[str, ...] = ("en", "km")
RESPONDENT_LANGS: tuple[str, ...] = ("zh-Hans", "vi", "id", "th")
TEXT_STATUSES: frozenset[str] = frozenset({"reviewed", "draft"})
KIND_ILO = "ilo_indicators"
KIND_LINKED = "linked_items"
# Schema 2 (linked sets): each item names its act and sources; one answer ticks at most one indicator per
# dimension; an item that ticks ILO indicators carries no red flag of its own (the rule attaches red flags
# to those facts, so the outcome never depends on which list recorded them).
SCHEMAS = (1, 2)
# Where an interview asks each item, in the order a real interview follows (labels: fieldapp.screening.plan).
THEMES: tuple[str, ...] = (
    "recruitment",
    "travel",
    "arrival",
    "control",
    "work",
    "pay_debt",
    "violence",
    "living",
    "situation",
    "observed",
)
_SET_ID = re.compile(r"^[a-z0-9_]+$")


# --- locating files -----------------------------------------------------------------------------------------


def indicator_dir() -> Path:
    """The app's ``indicators`` (in the installed package or the source tree, ``fieldapp.assets``), or
    ``$FIELDAPP_RESOURCES/indicators`` when set."""
    override = os.environ.get(ENV_RESOURCES)
    if override:
        return Path(override).expanduser() / "indicators"
    from fieldapp.assets import resource_dir

    return resource_dir("indicators")


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key for dotted versions: numeric parts compare as numbers ("2009.10" > "2009.9")."""
    parts: list[tuple[int, int | str]] = []
    for part in re.split(r"[.\-]", version):
        parts.append((1, int(part)) if part.isdigit() else (0, part))
    return tuple(parts)


_SCANS: dict[tuple[object, ...], dict[str, dict[str, Path]]] = {}


def _scan(directory: Path) -> dict[str, dict[str, Path]]:
    """set id -> version -> file. The version comes from the file name or, for ``SETID.json``, its content.

    Cached on the folder's file names, sizes and times: every save rescores, and reading every set
    file each time cost more than the save itself."""
    if not directory.is_dir():
        raise ValidationError(f"The indicator folder {directory} does not exist.")
    paths = sorted(directory.glob("*.json"))
    signature = (str(directory), *((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in paths))
    cached = _SCANS.get(signature)
    if cached is None:
        cached = _SCANS[signature] = _scan_files(paths)
    return cached


def _scan_files(paths: list[Path]) -> dict[str, dict[str, Path]]:
    found: dict[str, dict[str, Path]] = {}
    for path in paths:
        stem = path.stem
        set_id, _, version = stem.partition("@")
        if not version:
            version = str(_read_json(path).get("version", ""))
            if not version:
                raise ValidationError(f"{path.name}: missing 'version'.")
        versions = found.setdefault(set_id, {})
        if version in versions:
            raise ValidationError(
                f"{path.name}: set {set_id} version {version} is also in {versions[version].name}."
            )
        versions[version] = path
    return found


def available_sets(directory: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Every set on disk (and, for the default folder, in the unlocked vault) with its versions, oldest first."""
    scanned: dict[str, set[str]] = {sid: set(vs) for sid, vs in _scan(directory or indicator_dir()).items()}
    if directory is None:
        for sid, versions in _VAULT.items():
            scanned.setdefault(sid, set()).update(versions)
    return {sid: tuple(sorted(vs, key=version_key)) for sid, vs in sorted(scanned.items())}


# --- sets HQ sent in the enrolment file (kept in the vault) -------------------------------------------------

VAULT_DIR = Path("<vault>")  # the pseudo folder of sets that came from HQ: never read from disk
_VAULT: dict[str, dict[str, IndicatorSet]] = {}


def parse_sets(raws: Sequence[object]) -> dict[str, dict[str, IndicatorSet]]:
    """Validate sets HQ sent (raw JSON objects) with the same parser as the shipped files: set id -> version
    -> set. Indicator sets are parsed first, so a linked set may point at a set that arrived with it."""
    found: dict[str, dict[str, IndicatorSet]] = {}
    objects = [raw for raw in raws if isinstance(raw, dict)]
    if len(objects) != len(raws):
        raise ValidationError("HQ's indicator sets must each be a JSON object.")
    previous = dict(_VAULT)
    try:
        for raw in sorted(objects, key=lambda r: r.get("kind", KIND_ILO) != KIND_ILO):
            name = f"{raw.get('set_id')}@{raw.get('version')}.json"
            parsed = parse_set(raw, VAULT_DIR / name)
            if parsed.version in found.get(parsed.set_id, {}):
                raise ValidationError(f"{name}: HQ sent set {parsed.set_id} version {parsed.version} twice.")
            found.setdefault(parsed.set_id, {})[parsed.version] = parsed
            _VAULT.setdefault(parsed.set_id, {})[parsed.version] = parsed  # linked sets may point here
    finally:
        _VAULT.clear()
        _VAULT.update(previous)
    return found


def shipped_set_files(directory: Path | None = None) -> list[dict[str, Any]]:
    """Every version of every set in the folder as raw JSON (HQ puts these in enrolment files), each
    validated first so HQ never sends a set a laptop would refuse."""
    folder = directory or indicator_dir()
    out: list[dict[str, Any]] = []
    for set_id, versions in _scan(folder).items():
        for version, path in sorted(versions.items(), key=lambda item: version_key(item[0])):
            load_set(set_id, version, directory=folder)
            out.append(_read_json(path))
    return out


def install_vault_sets(sets: Mapping[str, Mapping[str, IndicatorSet]]) -> None:
    """Make HQ's sets from the unlocked vault visible to ``load_set``/``available_sets`` (replaces any
    earlier vault's sets; an empty mapping removes them)."""
    _VAULT.clear()
    _VAULT.update({sid: dict(versions) for sid, versions in sets.items()})


_CACHE: dict[tuple[str, int, int], IndicatorSet] = {}


def load_set(set_id: str, version: str | None = None, *, directory: Path | None = None) -> IndicatorSet:
    """Load and validate a set; the newest version unless ``version`` is given."""
    folder = directory or indicator_dir()
    versions = _scan(folder).get(set_id, {})
    from_hq = _VAULT.get(set_id, {}) if directory is None else {}
    if not versions and not from_hq:
        raise ValidationError(f"Unknown indicator set '{set_id}' (not found in {folder}).")
    if version is None:
        version = max((*versions, *from_hq), key=version_key)
    elif version not in versions and version not in from_hq:
        have = ", ".join(sorted({*versions, *from_hq}, key=version_key))
        raise ValidationError(f"Indicator set '{set_id}' version {version} is not available (have: {have}).")
    if version not in versions:  # only HQ's copy in the vault has it (the shipped file wins on a tie)
        return from_hq[version]
    path = versions[version]
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    loaded = parse_set(_read_json(path), path, directory=folder)
    if loaded.set_id != set_id or loaded.version != version:
        raise ValidationError(
            f"{path.name}: file says set '{loaded.set_id}' version {loaded.version}, "
            f"expected '{set_id}' version {version}."
        )
    _CACHE[key] = loaded
    return loaded


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"{path.name}: cannot read the file ({exc}).") from exc
    except json.JSONDecodeError as exc:
        raise ValidationError(f"{path.name}: not valid JSON (line {exc.lineno}: {exc.msg}).") from exc
    if not isinstance(data, dict):
        raise ValidationError(f"{path.name}: the top level must be a JSON object.")
    return data


# --- validation ---------------------------------------------------------------------------------------------


class _Ctx:
    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, message: str) -> ValidationError:
        return ValidationError(f"{self.path.name}: {where}: {message}")

    def str_field(self, obj: Mapping[str, Any], key: str, where: str) -> str:
        value = obj.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(where, f"missing or empty '{key}'")
        return value

    def bool_field(self, obj: Mapping[str, Any], key: str, where: str, default: bool | None = None) -> bool:
        value = obj.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(where, f"'{key}' must be true or false")
        return value

    def localized(self, obj: Mapping[str, Any], key: str, where: str, extra: Sequence[str] = ()) -> Localized:
        raw = obj.get(key)
        if not isinstance(raw, dict):
            raise self.fail(where, f"missing '{key}' (an object of language -> {{text, status}})")
        strings: dict[str, Text] = {}
        for lang, entry in raw.items():
            if not isinstance(entry, dict):
                raise self.fail(where, f"'{key}.{lang}' must be an object {{text, status}}")
            text = entry.get("text")
            if not isinstance(text, str) or not text.strip():
                raise self.fail(where, f"'{key}.{lang}' has no text")
            status = entry.get("status")
            if status is None:
                raise self.fail(where, f"'{key}.{lang}' is missing its status")
            if status not in TEXT_STATUSES:
                raise self.fail(where, f"'{key}.{lang}' has status '{status}' (expected reviewed or draft)")
            strings[lang] = Text(text=text, status=status)
        for lang in (*REQUIRED_LANGS, *extra):
            if lang not in strings:
                raise self.fail(where, f"'{key}' is missing language '{lang}'")
        return Localized(strings=strings)

    def verification(self, obj: Mapping[str, Any], where: str) -> Verification:
        value = obj.get("verification")
        try:
            return Verification(str(value))
        except ValueError:
            allowed = ", ".join(v.value for v in Verification)
            raise self.fail(where, f"missing or bad 'verification' {value!r} (expected {allowed})") from None

    def id_list(self, obj: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
        value = obj.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(where, f"'{key}' must be a list of indicator ids")
        return tuple(value)


def parse_set(data: Mapping[str, Any], path: Path, *, directory: Path | None = None) -> IndicatorSet:
    """Validate one parsed set file. Linked sets are checked against the set their ``maps_to`` points into."""
    ctx = _Ctx(path)
    top = "top level"
    set_id = ctx.str_field(data, "set_id", top)
    if not _SET_ID.match(set_id):
        raise ctx.fail(top, f"set_id '{set_id}' may only hold a-z, 0-9 and _")
    version = ctx.str_field(data, "version", top)
    kind = data.get("kind", KIND_ILO)
    if kind not in (KIND_ILO, KIND_LINKED):
        raise ctx.fail(top, f"unknown kind '{kind}' (expected {KIND_ILO} or {KIND_LINKED})")
    title = ctx.localized(data, "title", top)
    source = ctx.str_field(data, "source", top)
    verification = ctx.verification(data, top)
    note = str(data.get("verification_note", ""))
    schema = data.get("schema", 1)
    if schema not in SCHEMAS:
        raise ctx.fail(top, f"unknown schema {schema!r} (expected one of {', '.join(map(str, SCHEMAS))})")
    enabled = ctx.bool_field(data, "enabled", top, default=True)
    sources = _parse_sources(ctx, data)
    raw_items = data.get("items")
    if not isinstance(raw_items, list) or not raw_items:
        raise ctx.fail(top, "'items' must be a non-empty list")
    seen: dict[str, Indicator | LinkedItem] = {}
    dimensions: tuple[Dimension, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    linked: tuple[LinkedItem, ...] = ()
    target_id: str | None = None
    replaces: tuple[str, ...] = ()
    if kind == KIND_ILO:
        dimensions = _parse_dimensions(ctx, data)
        indicators = tuple(_parse_indicator(ctx, raw, i, seen) for i, raw in enumerate(raw_items))
    else:
        target_id = ctx.str_field(data, "maps_to_set", top)
        folder = directory or (None if path.parent == VAULT_DIR else path.parent)
        target = load_set(target_id, directory=folder)
        if target.kind != KIND_ILO:
            raise ctx.fail(top, f"maps_to_set '{target_id}' is not an indicator set")
        linked = tuple(
            _parse_linked(ctx, raw, i, seen, target, schema, sources) for i, raw in enumerate(raw_items)
        )
        replaces = ctx.id_list(data, "replaces", top)
        asked = {ref for item in linked if not item.retired for ref in item.maps_to}
        unasked = [ref for ref in replaces if ref not in asked]
        if unasked:
            raise ctx.fail(top, f"'replaces' names {', '.join(unasked)}, which no item asks")
    return IndicatorSet(
        set_id=set_id,
        version=version,
        kind=kind,
        title=title,
        source=source,
        verification=verification,
        path=path,
        dimensions=dimensions,
        indicators=indicators,
        linked_items=linked,
        maps_to_set=target_id,
        verification_note=note,
        schema=schema,
        enabled=enabled,
        sources=sources,
        replaces=replaces,
        _by_id=seen,
    )


def _parse_sources(ctx: _Ctx, data: Mapping[str, Any]) -> dict[str, str]:
    raw = data.get("sources", {})
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in raw.items()
    ):
        raise ctx.fail("top level", "'sources' must map a short key to a citation")
    return dict(raw)


def _parse_dimensions(ctx: _Ctx, data: Mapping[str, Any]) -> tuple[Dimension, ...]:
    raw = data.get("dimensions")
    if not isinstance(raw, list):
        raise ctx.fail("top level", "'dimensions' must be a list")
    dims: list[Dimension] = []
    for entry in raw:
        if not isinstance(entry, dict):
            raise ctx.fail("dimensions", "each dimension must be an object")
        did = ctx.str_field(entry, "id", "dimensions")
        if did not in DIMENSIONS:
            raise ctx.fail(
                f"dimension '{did}'", f"unknown dimension (expected one of {', '.join(DIMENSIONS)})"
            )
        dims.append(Dimension(id=did, label=ctx.localized(entry, "label", f"dimension '{did}'")))
    if tuple(d.id for d in dims) != DIMENSIONS:
        raise ctx.fail("dimensions", f"must list {', '.join(DIMENSIONS)} once each, in that order")
    return tuple(dims)


def _item_head(ctx: _Ctx, raw: object, index: int, seen: Mapping[str, object]) -> tuple[dict[str, Any], str]:
    if not isinstance(raw, dict):
        raise ctx.fail(f"item #{index + 1}", "must be an object")
    item_id = ctx.str_field(raw, "id", f"item #{index + 1}")
    if item_id in seen:
        raise ctx.fail(f"item '{item_id}'", "duplicate id")
    return raw, item_id


def _parse_indicator(
    ctx: _Ctx, raw: object, index: int, seen: dict[str, Indicator | LinkedItem]
) -> Indicator:
    obj, iid = _item_head(ctx, raw, index, seen)
    where = f"item '{iid}'"
    dimension = ctx.str_field(obj, "dimension", where)
    if dimension not in DIMENSIONS:
        raise ctx.fail(where, f"unknown dimension '{dimension}' (expected one of {', '.join(DIMENSIONS)})")
    if not iid.startswith(dimension + "."):
        raise ctx.fail(where, f"id must start with its dimension '{dimension}.'")
    try:
        strength = Strength(str(obj.get("strength")))
    except ValueError:
        raise ctx.fail(
            where, f"bad strength {obj.get('strength')!r} (expected strong, medium or weak)"
        ) from None
    show = ctx.bool_field(obj, "show_to_respondent", where, default=False)
    indicator = Indicator(
        id=iid,
        dimension=dimension,
        strength=strength,
        label=ctx.localized(obj, "label", where),
        help=ctx.localized(obj, "help", where),
        prompt=ctx.localized(obj, "prompt", where, RESPONDENT_LANGS if show else ()),
        show_to_respondent=show,
        verification=ctx.verification(obj, where),
        verification_note=str(obj.get("verification_note", "")),
        disputed=ctx.bool_field(obj, "disputed", where, default=False),
    )
    seen[iid] = indicator
    return indicator


def _parse_linked(
    ctx: _Ctx,
    raw: object,
    index: int,
    seen: dict[str, Indicator | LinkedItem],
    target: IndicatorSet,
    schema: int,
    sources: Mapping[str, str],
) -> LinkedItem:
    obj, iid = _item_head(ctx, raw, index, seen)
    where = f"item '{iid}'"
    raw_el = obj.get("element")
    names = raw_el if isinstance(raw_el, list) else [raw_el]
    try:
        elements = tuple(Element(str(n)) for n in names)
    except ValueError:
        allowed = ", ".join(e.value for e in Element)
        raise ctx.fail(where, f"bad element {raw_el!r} (expected {allowed}, or a list of them)") from None
    if not elements:
        raise ctx.fail(where, "'element' must not be empty")
    maps_to = ctx.id_list(obj, "maps_to", where)
    also = ctx.id_list(obj, "also_consider", where)
    for ref in (*maps_to, *also):
        if target.indicator(ref) is None:
            raise ctx.fail(
                where, f"maps to '{ref}', which does not exist in {target.set_id} {target.version}"
            )
    show = ctx.bool_field(obj, "show_to_respondent", where, default=False)
    red_flag = ctx.bool_field(obj, "red_flag", where)
    act = _parse_act(ctx, obj, where, elements, schema)
    cited = ctx.id_list(obj, "sources", where)
    if schema >= 2:
        dims = [ref.partition(".")[0] for ref in maps_to]
        twice = sorted({d for d in dims if dims.count(d) > 1})
        if twice:
            raise ctx.fail(
                where, f"one answer may tick at most one indicator per dimension ({', '.join(twice)})"
            )
        if red_flag and maps_to:
            raise ctx.fail(
                where, "an item that ticks ILO indicators takes its red flag from them: drop red_flag"
            )
        if obj.get("child_worst_form") and maps_to:
            raise ctx.fail(where, "an item that ticks ILO indicators takes its child worst form from them")
        if not cited:
            raise ctx.fail(where, "'sources' must name at least one of the set's sources")
    theme = str(obj.get("theme", ""))
    retired = ctx.bool_field(obj, "retired", where, default=False)
    if schema >= 2 and not retired and theme not in THEMES:
        raise ctx.fail(where, f"'theme' must be one of {', '.join(THEMES)}")
    unknown = [key for key in cited if key not in sources]
    if unknown:
        raise ctx.fail(where, f"cites unknown source(s) {', '.join(unknown)}")
    item = LinkedItem(
        id=iid,
        elements=elements,
        label=ctx.localized(obj, "label", where),
        help=ctx.localized(obj, "help", where),
        prompt=ctx.localized(obj, "prompt", where, RESPONDENT_LANGS if show else ()),
        maps_to=maps_to,
        red_flag=red_flag,
        show_to_respondent=show,
        verification=ctx.verification(obj, where),
        verification_note=str(obj.get("verification_note", "")),
        also_consider=also,
        minor_flag=ctx.bool_field(obj, "minor_flag", where, default=False),
        act=act,
        sources=cited,
        observation=ctx.bool_field(obj, "observation", where, default=False),
        retired=retired,
        child_worst_form=str(obj.get("child_worst_form", "")),
        theme=theme,
    )
    seen[iid] = item
    return item


def _parse_act(
    ctx: _Ctx, obj: Mapping[str, Any], where: str, elements: tuple[Element, ...], schema: int
) -> Act | None:
    raw = obj.get("act")
    if raw is None:
        if schema >= 2 and Element.ACT in elements:
            raise ctx.fail(where, "an 'act' item must name its act")
        return None
    if Element.ACT not in elements:
        raise ctx.fail(where, "'act' is only for items whose element is act")
    try:
        return Act(str(raw))
    except ValueError:
        allowed = ", ".join(a.value for a in Act)
        raise ctx.fail(where, f"bad act {raw!r} (expected {allowed})") from None
