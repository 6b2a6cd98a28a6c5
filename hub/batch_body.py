"""Reading the body of ``POST /v1/requests`` without letting one hostile envelope sink the batch.

The fast path is ``json.loads``. A body it cannot read because part of it is absurd - nested
thousands of levels deep (``RecursionError``) or holding a number of thousands of digits
(``ValueError``) - takes the slow path: a scan over the JSON tokens replaces every value nested
deeper than :data:`MAX_DEPTH`, and every number longer than :data:`MAX_NUMBER_CHARS`, with a
marker string. No valid envelope comes near either limit, so only the envelopes that held such
a value carry a marker afterwards; :func:`hostile_reason` names it and the envelope is rejected
on its own while the others are processed.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

from hub.errors import HubError
from services.protocol import MAX_BATCH

MAX_DEPTH: Final = 32  # an envelope needs about 5 levels
MAX_NUMBER_CHARS: Final = 64
_TOO_DEEP: Final = "\x00yjt:too_deep"
_TOO_LONG: Final = "\x00yjt:number_too_long"
_REASONS: Final = {
    _TOO_DEEP: f"a value is nested more than {MAX_DEPTH} levels deep",
    _TOO_LONG: f"a number has more than {MAX_NUMBER_CHARS} characters",
}
# A string (skipped whole, escapes included), a bracket, or an over-long number.
_TOKEN = re.compile(
    r'"(?:[^"\\]|\\.)*"|[\[\]{}]|[-0-9][-+.eE0-9]{' + str(MAX_NUMBER_CHARS) + ",}", re.DOTALL
)


def batch_items(raw: bytes) -> list[Any]:
    """The ``requests`` list of a batch body; raises ``HubError`` (422) for a bad container."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HubError(422, "malformed_json", f"The request body is not UTF-8: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise HubError(
            422, "malformed_json", f"The request body is not valid JSON: {exc}"
        ) from None
    except (RecursionError, ValueError):
        data = _loads_defused(text)
    if not isinstance(data, dict) or set(data) != {"requests"}:
        raise HubError(422, "validation", 'The body must be {"requests": [...]}.')
    items = data["requests"]
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_BATCH:
        raise HubError(422, "validation", f"requests must be a list of 1 to {MAX_BATCH} items.")
    return items


def _loads_defused(text: str) -> Any:
    parts: list[str] = []
    depth = 0
    skip_from: int | None = None  # start of the subtree being replaced
    last = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth == MAX_DEPTH + 1 and skip_from is None:
                parts.append(text[last : match.start()])
                skip_from = match.start()
        elif token in "]}":
            depth -= 1
            if depth == MAX_DEPTH and skip_from is not None:
                parts.append(json.dumps(_TOO_DEEP))
                skip_from = None
                last = match.end()
        elif token[0] != '"' and skip_from is None:
            parts.append(text[last : match.start()])
            parts.append(json.dumps(_TOO_LONG))
            last = match.end()
    if skip_from is not None:
        raise HubError(422, "malformed_json", "The request body is not valid JSON.")
    parts.append(text[last:])
    try:
        return json.loads("".join(parts))
    except (json.JSONDecodeError, RecursionError, ValueError) as exc:
        raise HubError(
            422, "malformed_json", f"The request body is not valid JSON: {exc}"
        ) from None


def hostile_reason(item: Any, depth: int = 0) -> str | None:
    """Why an item read on the slow path must be refused (None: it may be validated)."""
    if isinstance(item, str):
        return _REASONS.get(item)
    if depth > MAX_DEPTH + 1:
        return _REASONS[_TOO_DEEP]
    children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else ()
    for child in children:
        found = hostile_reason(child, depth + 1)
        if found is not None:
            return found
    return None
