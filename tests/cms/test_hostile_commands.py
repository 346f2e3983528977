"""Bad arguments to our management commands: a usage message (CommandError, exit status 1 or 2), no traceback.

Commands run in a subprocess, as an operator runs them, where the arguments are refused before the database is
read (argparse's own checks and the languages, checked against the settings): the exit status and stderr are
exact, and stderr never holds a traceback. Where the database is read first (a page id or path, a user), they
run through call_command inside the test's transaction and must raise CommandError with the exact message.
"""

import io
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from django.core.management import CommandError, ManagementUtility, call_command
from django.test import SimpleTestCase

from tests.utils import SiteTestCase

ROOT = Path(__file__).resolve().parents[2]
HUGE = "1" + "0" * 30
LANGUAGES = "en, es, fr, ja"

# (arguments, exit status, the end of stderr's last line)
SUBPROCESS_CASES = [
    (["translate_tree"], 2, "error: the following arguments are required: page, languages"),
    (["translate_tree", "/en/", "es", "--nope"], 2, "error: unrecognized arguments: --nope"),
    (
        ["translation_status", "--format", "xml"],
        1,
        "CommandError: Unknown format 'xml'. Choose from: table, csv, json.",
    ),
    (["translation_status", "--language", "xx"], 1, "CommandError: Unknown language(s): xx. Choose from: es, fr, ja."),
    (["translation_status", "--language", "²"], 1, "CommandError: Unknown language(s): ². Choose from: es, fr, ja."),
    (["translation_status", "--bogus"], 2, "error: unrecognized arguments: --bogus"),
    (["setup_translator_groups", "xx", "-1"], 1, "CommandError: Unknown language(s): -1, xx. Choose from: es, fr, ja."),
    (["generate_content", "--stories", "-1"], 2, "error: argument --stories: '-1' is negative"),
    (["generate_content", "--stories", "abc"], 2, "error: argument --stories: 'abc' is not a whole number"),
    (["generate_content", "--stories", HUGE], 2, f"error: argument --stories: '{HUGE}' is more than 1000000"),
    (["generate_content", "--stories", "²"], 2, "error: argument --stories: '²' is not a whole number"),
    (["generate_content", "--partnerships", "1.5"], 2, "error: argument --partnerships: '1.5' is not a whole number"),
    (["generate_content", "--seed", "x"], 2, "error: argument --seed: invalid int value: 'x'"),
    (
        ["generate_content", "--languages", "es,xx"],
        1,
        f"CommandError: Unknown language(s): xx. Choose from: {LANGUAGES}.",
    ),
    (["load_demo_content", "--stories", "3"], 2, "error: unrecognized arguments: --stories 3"),
]


class CommandUsageInSubprocessTests(SimpleTestCase):
    # Every case runs as `manage.py` runs it (ManagementUtility: argparse's exit 2, a CommandError's exit 1), in
    # this process; one case of each kind also runs in a real subprocess, as an operator would see it.
    def test_bad_arguments_exit_with_a_usage_message_and_no_traceback(self):
        for arguments, status, message in SUBPROCESS_CASES:
            with self.subTest(arguments=arguments):
                stderr = io.StringIO()
                with self.assertRaises(SystemExit) as exited, redirect_stderr(stderr), redirect_stdout(io.StringIO()):
                    ManagementUtility(["manage.py", *arguments]).execute()
                self.assertEqual(exited.exception.code, status, stderr.getvalue()[-2000:])
                self.assertNotIn("Traceback", stderr.getvalue())
                self.assertTrue(stderr.getvalue().strip().splitlines()[-1].endswith(message), stderr.getvalue()[-500:])

    def test_in_a_subprocess(self):
        for arguments, status, message in [SUBPROCESS_CASES[1], SUBPROCESS_CASES[2], SUBPROCESS_CASES[9]]:
            with self.subTest(arguments=arguments):
                result = subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
                    [sys.executable, "manage.py", *arguments],
                    cwd=ROOT,
                    capture_output=True,
                    text=True,
                    timeout=120,
                    env={**_environ(), "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
                )
                self.assertEqual(result.returncode, status, result.stderr[-2000:])
                self.assertNotIn("Traceback", result.stderr)
                self.assertTrue(result.stderr.strip().splitlines()[-1].endswith(message), result.stderr[-500:])


def _environ():
    import os

    return dict(os.environ)


class CommandErrorsTests(SiteTestCase):
    """Arguments refused after the database is read: a CommandError, never another exception."""

    def assertCommandError(self, message, *arguments, **options):
        with self.assertRaises(CommandError) as raised:
            call_command(*arguments, **options)
        self.assertEqual(str(raised.exception), message)

    def test_translate_tree_with_a_page_that_is_not_there(self):
        usage = "give a page id or a path such as /en/stories/."
        for reference in [HUGE, "²", "-1", "0", "/en/nowhere/", "/xx/", "a\x00b", "/en/\x00/", "2147483648"]:
            with self.subTest(reference=reference):
                self.assertCommandError(f"No page {reference!r}: {usage}", "translate_tree", reference, "es")

    def test_translate_tree_with_bad_languages_and_users(self):
        self.assertCommandError(
            f"Unknown language(s): xx, \x00. Choose from: {LANGUAGES}.", "translate_tree", "/en/", "xx", "\x00"
        )
        self.assertCommandError("'Home' is already in en; choose other languages.", "translate_tree", "/en/", "en")
        for user in ["nobody", "a\x00b", "x" * 10240]:
            with self.subTest(user=user[:10]):
                self.assertCommandError(f"No user {user!r}.", "translate_tree", "/en/", "es", user=user)

    def test_translation_status_with_an_unknown_section(self):
        for section in ["nope", "a\x00b", HUGE, "x" * 10240]:
            with self.subTest(section=section[:10]):
                with self.assertRaises(CommandError) as raised:
                    call_command("translation_status", section=section)
                self.assertTrue(str(raised.exception).startswith(f"Unknown section {section!r}. Choose from: "))

    def test_restore_site_with_a_folder_that_is_not_a_backup(self):
        for folder in ["/nonexistent/backup", "", HUGE]:
            with self.subTest(folder=folder), self.assertRaises(CommandError):
                call_command("restore_site", folder, interactive=False, no_media=True)
