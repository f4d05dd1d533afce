"""Word-by-word differences between two texts, for pages that compare versions."""

from __future__ import annotations

import difflib
import re


def word_runs(old: str, new: str) -> list[tuple[str, str]]:
    """(kind, text) runs from `old` to `new`: kind is "same", "removed" or "added"."""
    old_words, new_words = re.findall(r"\S+|\s+", old), re.findall(r"\S+|\s+", new)
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("same", "".join(old_words[a1:a2])))
            continue
        if a2 > a1:
            runs.append(("removed", "".join(old_words[a1:a2])))
        if b2 > b1:
            runs.append(("added", "".join(new_words[b1:b2])))
    return runs
