"""A Spanish translator translates a story in wagtail-localize's editor and publishes it; nothing else is theirs."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.models import Translation

from tests.browser.conftest import EDITOR, TRANSLATOR, login
from tests.factories import StoryPageFactory, stream_json

pytestmark = pytest.mark.browser

# Every string of the story, as the translator types it in Spanish.
SPANISH = {
    "Students from Mataró spend a term in Fort Lauderdale": (
        "Estudiantes de Mataró pasan un trimestre en Fort Lauderdale"
    ),
    "students-from-mataro-spend-a-term": "estudiantes-de-mataro-pasan-un-trimestre",
    "Twelve students, one ocean and a term of classes.": "Doce estudiantes, un océano y un trimestre de clases.",
    "Exchange coordinator": "Coordinadora del intercambio",
    "Classes, families and friends": "Clases, familias y amigos",
    "The students lived with host families and took classes at a local high school.": (
        "Los estudiantes vivieron con familias de acogida y asistieron a clases en un instituto local."
    ),
}


def test_translator_translates_and_publishes_only_in_spanish(browser_site, context, page, shoot):
    story_index = browser_site.pages["story_index"]
    story = StoryPageFactory(
        parent=story_index,
        title="Students from Mataró spend a term in Fort Lauderdale",
        slug="students-from-mataro-spend-a-term",
        intro="Twelve students, one ocean and a term of classes.",
        contributor_role="Exchange coordinator",
        body=stream_json(
            ("heading", {"text": "Classes, families and friends", "level": "h2"}),
            ("paragraph", "<p>The students lived with host families and took classes at a local high school.</p>"),
        ),
    )
    story.related_partnerships.add(browser_site.pages["partnership"])
    story.save_revision().publish()
    spanish, french = Locale.objects.get(language_code="es"), Locale.objects.get(language_code="fr")

    # The editor asks for Spanish and French translations ("Translate this page").
    login(page, EDITOR)
    page.goto(reverse("wagtail_localize:submit_page_translation", args=[story.pk]))
    page.get_by_label("Spanish").check()
    page.get_by_label("French").check()
    shoot(page, "translate-this-page")
    page.get_by_role("button", name="Submit").click()
    page.wait_for_url(re.compile(r"/admin/pages/"))
    spanish_story = story.get_translation(spanish)
    french_story = story.get_translation(french)
    context.clear_cookies()

    # The translator opens the Spanish translation: Wagtail's edit view is wagtail-localize's editor.
    login(page, TRANSLATOR)
    page.goto(f"/admin/pages/{spanish_story.pk}/edit/")
    expect(page.get_by_role("button", name="Publish in Spanish")).to_be_visible()
    shoot(page, "translation-editor")
    translated = []
    for tab in ("Content", "Promote"):
        page.get_by_role("tab", name=tab).click()
        translate = page.get_by_role("button", name="Translate", exact=True)
        while translate.count():
            translate.first.click()
            segment = page.locator("li:has(textarea)")
            source = segment.locator("p").first.inner_text()
            segment.locator("textarea").fill(SPANISH[source])
            # The editor closes the segment before its save has answered: wait for the save itself.
            with page.expect_response(lambda response: "/strings/" in response.url and response.ok):
                segment.get_by_role("button", name="Save").click()
            expect(page.locator("li:has(textarea)")).to_have_count(0)
            translated.append(source)
    assert sorted(translated) == sorted(SPANISH)
    shoot(page, "translated")
    translation = Translation.objects.get(source__object_id=story.translation_key, target_locale=spanish)
    assert translation.get_progress() == (len(SPANISH), len(SPANISH))

    page.get_by_role("button", name="Publish in Spanish").click()
    expect(page.locator(".messages")).to_contain_text(f"Published '{SPANISH[story.title]}' in Spanish.")
    spanish_story.refresh_from_db()
    assert (spanish_story.title, spanish_story.slug) == (SPANISH[story.title], SPANISH[story.slug])

    # The Spanish page, with its alternates in every language it has.
    page.goto(spanish_story.get_url())
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("heading", level=1).inner_text() == SPANISH[story.title]
    expect(page.get_by_role("heading", name="Clases, familias y amigos")).to_be_visible()
    alternates = {
        link.get_attribute("hreflang"): link.get_attribute("href")
        for link in page.locator("link[rel=alternate][hreflang]").all()
    }
    assert sorted(alternates) == ["en", "es", "fr", "x-default"]
    assert alternates["es"].endswith(spanish_story.get_url())
    assert alternates["en"].endswith(story.get_url())
    assert alternates["fr"].endswith(french_story.get_url())
    assert alternates["x-default"] == alternates["en"]
    shoot(page, "spanish-page")

    # Neither the French translation nor the English source is the Spanish translator's to edit.
    # Wagtail's editor sends them back to the dashboard with its permission-denied message.
    for other in (french_story, story):
        page.goto(f"/admin/pages/{other.pk}/edit/")
        assert page.url == f"{browser_site.url}/admin/", other.locale
        expect(page.locator(".messages")).to_contain_text("Sorry, you do not have permission to access this area.")
        shoot(page, f"{other.locale.language_code}-edit-denied")
    # wagtail-localize's own views answer 403.
    french_translation = Translation.objects.get(source__object_id=story.translation_key, target_locale=french)
    response = page.goto(reverse("wagtail_localize:download_pofile", args=[french_translation.pk]))
    assert response.status == 403
