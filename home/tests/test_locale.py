"""The Finnish and Swedish catalogues are complete: no untranslated or fuzzy UI text."""

from pathlib import Path

import polib
import pytest
from django.conf import settings


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_catalogue_is_complete(language):
    po = polib.pofile(
        str(Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po")
    )
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"untranslated in {language}: {untranslated}"
    assert not fuzzy, f"fuzzy in {language}: {fuzzy}"
    assert len(po.translated_entries()) > 250


@pytest.mark.parametrize(
    "language,login,search", [("fi", "/kirjaudu/", "/haku/"), ("sv", "/sv/logga-in/", "/sv/sok/")]
)
def test_login_and_search_urls_are_translated(client, db, language, login, search):
    assert client.get(login).status_code == 200
    response = client.get(search)
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()
