"""Which characters an editor's text may hold, and the one form every text is kept in.

Editors paste from scanned documents, word processors, phones and chat apps, and what arrives is
not always what it looks like. The rules, applied by the models in `model.py` to every text field:

- every value is read in Unicode NFC (`yamlsrc` normalises each scalar as it reads it), so the
  page, the search index and every data file carry one form of each letter;
- control characters are refused: C0 (U+0000 to U+001F), DEL and C1 (U+007F to U+009F); a line
  break or a tab only in multi-line text (the summary), and the Unicode line and paragraph
  separators (U+2028, U+2029) nowhere;
- direction overrides, embeddings and isolates (U+202A to U+202E, U+2066 to U+2069) are refused
  everywhere: they make a value display in another order than it is stored, which can spoof a
  name or a notice;
- invisible characters are refused in identifying values (names, aliases, document numbers,
  red notice references): zero-width space, word joiner, direction marks, soft hyphen, byte order
  mark, invisible operators and tag characters. A zero-width non-joiner or joiner (U+200C,
  U+200D) is allowed only between two letters of a script that needs it for correct spelling
  (Arabic, Syriac, N'Ko, Mongolian and the Brahmic scripts from Devanagari to Sinhala), as in
  Persian names; anywhere else it only hides the value from search and from the duplicate check.

`character_problem` says what is wrong in one sentence for editors, or returns None.
"""

from __future__ import annotations

import unicodedata

SINGLE_LINE = "single-line"
MULTI_LINE = "multi-line"
IDENTIFIER = "identifier"

_BIDI = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))
_INVISIBLE = frozenset(
    {0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x180E, 0x200B, 0x200E, 0x200F, 0x2060, 0x3164}
    | set(range(0x2061, 0x2065))
    | set(range(0xE0000, 0xE0080))
    | {0xFEFF, 0xFFA0}
)
_JOINERS = frozenset({0x200C, 0x200D})
# Scripts in which a joiner or non-joiner changes how a word is spelt (Unicode blocks).
_JOINING_SCRIPTS = (
    (0x0600, 0x08FF),  # Arabic, Syriac, Arabic Supplement, Thaana, N'Ko, Arabic Extended
    (0x0900, 0x0DFF),  # Devanagari to Sinhala
    (0x1800, 0x18AF),  # Mongolian
    (0xFB50, 0xFDFF),  # Arabic Presentation Forms-A
    (0xFE70, 0xFEFF - 1),  # Arabic Presentation Forms-B
)


def nfc(text: str) -> str:
    """The text in Unicode Normalization Form C (composed: é as one character)."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _describe(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}{' ' + name if name else ''}"


def _in_joining_script(ch: str) -> bool:
    code = ord(ch)
    return unicodedata.category(ch)[0] in "LM" and any(a <= code <= b for a, b in _JOINING_SCRIPTS)


def character_problem(value: str, kind: str) -> str | None:
    """What is wrong with the characters of `value`, or None.

    `kind` is SINGLE_LINE (most fields), MULTI_LINE (the summary) or IDENTIFIER (names, aliases,
    numbers: single line, and no invisible characters). Positions are 1-based characters.
    """
    if value.isascii() and value.isprintable():
        return None  # the usual case: printable ASCII, nothing to refuse
    for index, ch in enumerate(value):
        code = ord(ch)
        where = f"character {index + 1} is {_describe(ch)}"
        if ch in "\n\t" and kind == MULTI_LINE:
            continue
        if ch in "\n\r\u2028\u2029\x85" and kind != MULTI_LINE:
            return f"must be a single line of text ({where})"
        if code < 0x20 or 0x7F <= code <= 0x9F:
            return f"{where}, a control character; remove it (often pasted from a PDF)"
        if code in _BIDI:
            return (
                f"{where}, a direction control that makes text display in another order than "
                "it is stored; remove it"
            )
        if kind != IDENTIFIER:
            if code == 0xFEFF:
                return f"{where}, an invisible byte order mark; remove it"
            continue
        if code in _INVISIBLE:
            return f"{where}, an invisible character that hides the value from search; remove it"
        if code in _JOINERS:
            before = value[index - 1] if index else ""
            after = value[index + 1] if index + 1 < len(value) else ""
            if not (before and after and _in_joining_script(before) and _in_joining_script(after)):
                return (
                    f"{where}, an invisible joiner; it is allowed only between two letters of a "
                    "script that needs it, such as Arabic or Devanagari"
                )
    return None
