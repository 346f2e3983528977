"""cms.settings.production: deployment checks and the headers the site sends."""

import os
import runpy
import secrets
import string
import subprocess
import sys
from functools import cache
from pathlib import Path
from unittest import mock

from django.test import override_settings

from tests.factories import StoryPageFactory
from tests.utils import SiteTestCase

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def production_environment():
    alphabet = string.ascii_letters + string.digits + string.punctuation
    return {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DJANGO_SECRET_KEY": "".join(secrets.choice(alphabet) for _ in range(50)),
        "DJANGO_ALLOWED_HOSTS": "example.org",
    }


@cache
def production_settings():
    """The production settings module's values, read without making it the settings of this process."""
    # base.py reads the environment when imported: import it afresh under the production environment, then put
    # back the test settings' copy.
    test_base = sys.modules.pop("cms.settings.base")
    try:
        with mock.patch.dict(os.environ, production_environment()):
            return runpy.run_module("cms.settings.production")
    finally:
        sys.modules["cms.settings.base"] = test_base


class DeployCheckTests(SiteTestCase):
    def test_check_deploy_passes_with_nothing_silenced(self):
        environment = {**os.environ, **production_environment()}
        result = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            cwd=BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
        )
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("System check identified no issues (0 silenced).", result.stdout)

    def test_security_settings(self):
        production = production_settings()
        self.assertFalse(production["DEBUG"])
        self.assertEqual(production["SECURE_HSTS_SECONDS"], 31536000)
        self.assertTrue(production["SECURE_CONTENT_TYPE_NOSNIFF"])
        self.assertEqual(production["SECURE_REFERRER_POLICY"], "strict-origin-when-cross-origin")
        self.assertEqual(production["X_FRAME_OPTIONS"], "DENY")


EXPECTED_CSP = {
    "default-src 'self'",
    "frame-src 'self' https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com",
    "img-src 'self' data:",
    "style-src 'self'",
    "script-src 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
}


class ContentSecurityPolicyTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.story = StoryPageFactory(parent=cls.story_index, title="A story")

    def setUp(self):
        production = production_settings()
        overrides = override_settings(
            MIDDLEWARE=production["MIDDLEWARE"], CONTENT_SECURITY_POLICY=production["CONTENT_SECURITY_POLICY"]
        )
        overrides.enable()
        self.addCleanup(overrides.disable)

    def test_pages_send_an_enforced_policy(self):
        response = self.client.get(self.story.url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(set(response["Content-Security-Policy"].split("; ")), EXPECTED_CSP)
        self.assertNotIn("Content-Security-Policy-Report-Only", response)

    def test_the_admin_is_left_out(self):
        self.login()
        response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("Content-Security-Policy", response)
