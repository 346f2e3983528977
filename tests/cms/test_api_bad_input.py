"""Every malformed parameter on every API endpoint gets a 4xx JSON answer, never a 500, on SQLite and PostgreSQL.

The table (bad_input_cases.py) covers v2 and v3 listings, details and find, our filters, snippets and preview:
wrong types, unknown fields and parameters, bad dates, huge numbers, unknown locales and NUL bytes, including
Wagtail v2's known gaps (find/?id=abc, date and custom field filters with bad values, huge offsets). The exact
answers are pinned in bad_input_expected.json, and are the same on both databases.
"""

import json
from pathlib import Path

from .api_fixtures import APISiteTestCase
from .bad_input_cases import cases

EXPECTED = json.loads((Path(__file__).parent / "bad_input_expected.json").read_text())


class BadInputTests(APISiteTestCase):
    def test_every_malformed_request_is_a_4xx_json_error(self):
        ids = {"story": self.story.pk, "partnership": self.partnership.pk, "city": self.us_city.pk}
        rows = cases(ids)
        self.assertEqual(len(rows), len(EXPECTED))
        self.client.raise_request_exception = False
        for (path, query), expected in zip(rows, EXPECTED, strict=True):
            self.assertEqual(path, expected["path"].format(**ids))
            with self.subTest(path=path, query={key.replace("\x00", "\\0"): value for key, value in query.items()}):
                response = self.client.get(path, query)
                self.assertEqual(response.status_code, expected["status"])
                self.assertIn(response["Content-Type"].split(";")[0], {"application/json", "application/problem+json"})
                self.assertEqual(response.json(), expected["body"])
                self.assertEqual(expected["status"] // 100, 4)
