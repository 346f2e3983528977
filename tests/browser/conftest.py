"""Browser tests: Playwright's Python driver steering Debian's Chromium (/usr/bin/chromium) against the site.

The site runs on a live server on a free 127.0.0.1 port with the test database, built once for the whole
package (demo content, translations where the demo has none, translator groups, a few users and stories):
building it takes seconds, and the journeys only add to it. The database is emptied when the package is done.

Without Chromium (or the Playwright package) the tests skip and say why; in CI (TWINNING_REQUIRE_SERVICES=1)
that is a failure. Screenshots of each journey's key steps go to test-artifacts/browser/.
"""

import datetime
import os
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

from tests.conftest import require_service

CHROMIUM = os.environ.get("TWINNING_CHROMIUM", "/usr/bin/chromium")
# Headless, and nothing that reaches for the network: only 127.0.0.1 is ever visited.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts" / "browser"
PASSWORD = "browser-test-password"  # noqa: S105
EDITOR = "browser-editor"
TRANSLATOR = "browser-translator-es"
# Stories added to the Fort Lauderdale – Mataró partnership so that its filtered story list has two pages.
EXTRA_STORIES = 13


@dataclass
class BrowserSite:
    url: str
    pages: dict  # key -> English page, e.g. "story", "partnership_index"

    def path(self, page, language="en"):
        """The URL path of `page` in `language` (its translation), e.g. /es/historias/…/."""
        from wagtail.models import Locale

        translation = page.get_translation(Locale.objects.get(language_code=language))
        return translation.get_url()


@pytest.fixture(scope="session")
def browser_requirements():
    """Skip (fail in CI) before anything is built when Chromium or Playwright's Python driver is missing."""
    if not Path(CHROMIUM).exists():
        require_service(
            f"Browser tests: Chromium not found at {CHROMIUM} (apt-get install chromium, or set TWINNING_CHROMIUM)"
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        require_service("Browser tests: the playwright package is not installed (pip install -r requirements-dev.txt)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)


@pytest.fixture(scope="package")
def chromium(browser_site):
    """Chromium from the Debian package, driven by Playwright; closed before the live server stops."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread; the ORM calls the tests make between
    # browser steps are still plain synchronous calls, so Django's async-safety check does not apply to them.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def wait_for_request_threads(timeout=5.0):
    """Let the server finish the requests the closed browser left (they close the shared SQLite connection)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any("process_request_thread" in thread.name for thread in threading.enumerate()):
            return
        time.sleep(0.05)


def serial_wsgi_server():
    """Django's threaded test server, answering one request at a time.

    With an in-memory SQLite database every request thread shares the test's one connection, and two requests
    at once (the editor's upload while its editing session pings) race on its transaction state: Django then
    refuses `transaction.on_commit()` with "cannot be used in manual transaction management", or worse. The
    threads still accept connections side by side; the application behind them runs one request at a time,
    from the request to its response's close (where Django's request_finished handlers use the connection).
    """
    from django.core.servers.basehttp import ThreadedWSGIServer

    class SerialWSGIServer(ThreadedWSGIServer):
        def set_app(self, application):
            lock = threading.Lock()

            def serial_application(environ, start_response):
                with lock:
                    response = application(environ, start_response)
                    try:
                        return [b"".join(response)]
                    finally:
                        if hasattr(response, "close"):
                            response.close()

            super().set_app(serial_application)

    return SerialWSGIServer


def close_server_sessions(connection):
    """End the PostgreSQL sessions the server's threads may leave open, so that the test database can be dropped."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


def is_test_database(connection):
    from django.db.backends.base.creation import TEST_DATABASE_PREFIX

    name = str(connection.settings_dict["NAME"])
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        return True
    return name == connection.settings_dict["TEST"].get("NAME") or name.startswith(TEST_DATABASE_PREFIX)


@pytest.fixture(scope="package")
def browser_site(browser_requirements, django_db_setup, django_db_blocker):
    """The demo site on a live server, shared by the package's tests; the database is emptied afterwards.

    The tests carry no django_db mark (each would be wrapped in a transaction or flushed, and the site is built
    once), so pytest-django sets up a test database only when other tests in the run asked for one: when it has
    not, this fixture does, and never writes to the development database.
    """
    from django.core.management import call_command
    from django.db import connection
    from django.test import override_settings
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        own_database = None
        if not is_test_database(connection):
            own_database = setup_databases(verbosity=0, interactive=False, aliases={"default"})
        assert is_test_database(connection), connection.settings_dict["NAME"]
        ensure_tree_roots()
        pages = build_content(call_command)
        server = LiveServer("127.0.0.1", start=False)  # port 0: a free port
        if server.thread.connections_override:
            server.thread.server_class = serial_wsgi_server()
        server.start()
        # Absolute URLs in the APIs (images, detail_url) and admin links point at this server.
        with override_settings(WAGTAILAPI_BASE_URL=server.url, WAGTAILADMIN_BASE_URL=server.url):
            yield BrowserSite(url=server.url, pages=pages)
        wait_for_request_threads()
        server.stop()
        close_server_sessions(connection)
        call_command("flush", interactive=False, verbosity=0)
        ensure_tree_roots()
        if own_database is not None:
            teardown_databases(own_database, verbosity=0)


def ensure_tree_roots():
    """The default locale, root collection and root page Wagtail's migrations make.

    A TransactionTestCase that ran earlier (pytest-django runs them before these tests) flushes them away; this
    package's own flush does too, and puts them back for whatever runs after it.
    """
    from wagtail.models import Collection, Locale, Page

    locale = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)[0]
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))


def build_content(call_command):
    from io import StringIO

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.models import Locale

    from cities.models import CityPartnershipPage, PartnershipIndexPage
    from cms.management.commands.setup_translator_groups import translator_group_name
    from home.models import CampaignIndexPage, CampaignPage, HomePage
    from stories.models import StoryIndexPage, StoryPage
    from tests.factories import StoryPageFactory

    out = StringIO()
    call_command("load_demo_content", stdout=out)
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=english)
    # The demo may or may not ship translations: translate whatever language is missing, published.
    missing = [
        locale.language_code
        for locale in Locale.objects.filter(language_code__in=["es", "fr", "ja"])
        if home.get_translation_or_none(locale) is None
    ]
    if missing:
        call_command("translate_tree", "/en/", *missing, "--publish", stdout=out)
    call_command("setup_translator_groups", stdout=out)

    partnership = CityPartnershipPage.objects.get(locale=english, slug="fort-lauderdale-mataro")
    story_index = StoryIndexPage.objects.get(locale=english)
    for number in range(EXTRA_STORIES):
        story = StoryPageFactory(
            parent=story_index,
            title=f"Mataró exchange diary, part {number + 1}",
            date=datetime.date(2019, 1, 1) + datetime.timedelta(days=number),
        )
        story.related_partnerships.add(partnership)
        story.save_revision().publish()

    User = get_user_model()
    User.objects.create_superuser(EDITOR, f"{EDITOR}@example.org", PASSWORD, first_name="Eda", last_name="Editor")
    translator = User.objects.create_user(TRANSLATOR, f"{TRANSLATOR}@example.org", PASSWORD, first_name="Tomás")
    translator.groups.add(Group.objects.get(name=translator_group_name("es")))

    return {
        "home": home,
        "story_index": story_index,
        "story": StoryPage.objects.get(locale=english, slug="fort-lauderdale-mataro-trade-mission"),
        "partnership_index": PartnershipIndexPage.objects.get(locale=english),
        "partnership": partnership,
        "campaign_index": CampaignIndexPage.objects.get(locale=english),
        "campaign": CampaignPage.objects.filter(locale=english).order_by("path").first(),
    }


@pytest.fixture
def context(chromium, browser_site):
    context = chromium.new_context(viewport=DESKTOP, base_url=browser_site.url)
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def shoot(request):
    """shoot(page, "step") saves test-artifacts/browser/<test>-<nn>-<step>.png, numbered in the order taken."""
    name = re.sub(r"[^\w.-]+", "-", request.node.name).strip("-")
    taken = []

    def take(page, step, full_page=True):
        taken.append(step)
        path = ARTIFACTS / f"{name}-{len(taken):02d}-{step}.png"
        page.screenshot(path=path, full_page=full_page)
        return path

    return take


def login(page, username, password=PASSWORD):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
