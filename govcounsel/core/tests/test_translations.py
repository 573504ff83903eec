import gettext
import os
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"


def _untranslated(catalogue: polib.POFile) -> list[str]:
    return [e.msgid for e in catalogue.untranslated_entries() + catalogue.fuzzy_entries()]


def test_every_message_has_an_english_translation():
    assert _untranslated(polib.pofile(str(CATALOGUE))) == []


def test_compiled_catalogue_matches_its_source():
    with CATALOGUE.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [
        entry.msgid
        for entry in polib.pofile(str(CATALOGUE))
        if (
            compiled.ngettext(entry.msgid, entry.msgid_plural, 2) != entry.msgstr_plural[1]
            if entry.msgid_plural
            else compiled.gettext(entry.msgid) != entry.msgstr
        )
    ]
    assert stale == []


@pytest.mark.catalogue
def test_the_catalogue_holds_every_message_of_the_code(tmp_path, settings):
    """Every string marked for translation in the code and templates is in the English
    catalogue, translated: `makemessages` over a copy of the sources adds nothing new."""
    root = Path(settings.BASE_DIR)
    for folder in ("govcounsel", "config"):
        shutil.copytree(
            root / folder,
            tmp_path / folder,
            ignore=shutil.ignore_patterns("__pycache__", "tests", "static", "migrations"),
        )
    (tmp_path / "locale" / "en" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(CATALOGUE, tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    here = Path.cwd()
    try:
        os.chdir(tmp_path)
        call_command("makemessages", locale=["en"], no_obsolete=True, verbosity=0)
    finally:
        os.chdir(here)
    # msgmerge guesses a translation for a new message from a similar one and marks it
    # fuzzy: such a guess counts as missing.
    missing = _untranslated(
        polib.pofile(str(tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    )
    assert missing == [], f"run makemessages -l en and translate: {missing[:20]}"
