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

    def test_escapes_labels_and_values(self):
        html = ChoicesSelect(choices=[('"><x', "<b>Tokyo</b>")]).render("partnership", "", {"id": "id_partnership"})
        self.assertEqual(
            html,
            '<select name="partnership" id="id_partnership">'
            '<option value="&quot;&gt;&lt;x">&lt;b&gt;Tokyo&lt;/b&gt;</option></select>',
        )
