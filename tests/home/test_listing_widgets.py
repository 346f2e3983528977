from django import forms
from django.test import SimpleTestCase

from home.listing import ChoicesSelect


class ChoicesSelectTests(SimpleTestCase):
    def test_renders_what_djangos_select_renders(self):
        choices = [("", "All partnerships"), ("1", "Fort Lauderdale & Mataró"), ("2", "<b>Tokyo</b> and Paris")]
        attrs = {"id": "id_partnership", "aria-invalid": "true"}
        for value in ("", "1", "2", "9"):
            with self.subTest(value=value):
                self.assertHTMLEqual(
                    ChoicesSelect(choices=choices).render("partnership", value, attrs),
                    forms.Select(choices=choices).render("partnership", value, attrs),
                )

    def test_integer_values_and_repeated_values_as_django_selects_them(self):
        choices = [("", "Any"), (1, "One"), (2, "Two"), (2, "Two again")]
        for value in (None, "", 1, "2", 3):
            with self.subTest(value=value):
                self.assertHTMLEqual(
                    ChoicesSelect(choices=choices).render("n", value, {}),
                    forms.Select(choices=choices).render("n", value, {}),
                )

    def test_escapes_labels_and_values(self):
        html = ChoicesSelect(choices=[('"><x', "<b>Tokyo</b>")]).render("partnership", "", {"id": "id_partnership"})
        self.assertEqual(
            html,
            '<select name="partnership" id="id_partnership">'
            '<option value="&quot;&gt;&lt;x">&lt;b&gt;Tokyo&lt;/b&gt;</option></select>',
        )
