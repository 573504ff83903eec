from pathlib import Path

from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _entries(text: str) -> list[tuple[str, str]]:
    """(msgid, msgstr) pairs of a .po file, joining continued lines."""
    pairs, key, current = [], None, {"msgid": "", "msgstr": ""}
    for line in [*text.splitlines(), ""]:
        if line.startswith("msgid "):
            if current["msgid"] or current["msgstr"]:
                pairs.append((current["msgid"], current["msgstr"]))
            current, key = {"msgid": line[7:-1], "msgstr": ""}, "msgid"
        elif line.startswith("msgstr "):
            current["msgstr"], key = line[8:-1], "msgstr"
        elif line.startswith('"') and key:
            current[key] += line[1:-1]
    pairs.append((current["msgid"], current["msgstr"]))
    return [(i, s) for i, s in pairs if i]


def test_every_message_has_an_english_translation():
    text = CATALOGUE.read_text(encoding="utf-8")
    assert "#, fuzzy" not in text.split("\n\n", 1)[1]
    missing = [msgid for msgid, msgstr in _entries(text) if not msgstr]
    assert missing == []


def test_compiled_catalogue_matches_its_source():
    import gettext
    import re

    with CATALOGUE.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    unescape = lambda text: re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m[1], m[1]), text)  # noqa: E731
    stale = [
        msgid
        for msgid, msgstr in _entries(CATALOGUE.read_text(encoding="utf-8"))
        if compiled.gettext(unescape(msgid)) != unescape(msgstr)
    ]
    assert stale == []
