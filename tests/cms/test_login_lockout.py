from axes.models import AccessAttempt
from django.test import TestCase, override_settings

from tests.utils import create_superuser

LOGIN_URL = "/admin/login/"


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
class AdminLoginLockoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.user = create_superuser("editor")

    def attempt(self, password, ip="203.0.113.7"):
        return self.client.post(LOGIN_URL, {"username": "editor", "password": password}, REMOTE_ADDR=ip)

    def test_a_correct_login_before_the_limit_works(self):
        for _ in range(4):
            self.assertEqual(self.attempt("wrong").status_code, 200)
        response = self.attempt("password")
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)
        self.assertEqual(int(self.client.session["_auth_user_id"]), self.user.pk)

    def test_the_limit_locks_out_even_the_right_password(self):
        for _ in range(4):
            response = self.attempt("wrong")
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, "Your username and password didn")
        # The fifth failure reaches the limit: this and every later attempt get the lockout answer.
        self.assertEqual(self.attempt("wrong").status_code, 429)
        response = self.attempt("password")
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "too many", status_code=429)
        self.assertNotIn("_auth_user_id", self.client.session)
        attempt = AccessAttempt.objects.get()
        self.assertEqual((attempt.username, attempt.ip_address), ("editor", "203.0.113.7"))

    def test_the_lockout_is_per_username_and_address(self):
        for _ in range(5):
            self.attempt("wrong")
        self.assertEqual(self.attempt("password").status_code, 429)
        response = self.attempt("password", ip="198.51.100.9")
        self.assertRedirects(response, "/admin/", fetch_redirect_response=False)


class LockoutOffInTestsTests(TestCase):
    def test_client_login_works(self):
        create_superuser("editor")
        self.assertTrue(self.client.login(username="editor", password="password"))
