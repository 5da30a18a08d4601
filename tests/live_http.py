"""People acting at once against the live server: real HTTP requests from real threads."""

from __future__ import annotations

import secrets
import threading
import urllib.error
import urllib.parse
import urllib.request

from django.test import Client


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Session:
    """One person's session against the live server. Django accepts its CSRF cookie's
    secret as the form's token, so one chosen at random serves both."""

    def __init__(self, live_server, user) -> None:
        client = Client()
        client.force_login(user)
        self.base = live_server.url
        self.token = secrets.token_hex(16)
        self.opener = urllib.request.build_opener(_NoRedirect)
        self.opener.addheaders = [
            ("Cookie", f"sessionid={client.cookies['sessionid'].value}; csrftoken={self.token}"),
            ("Referer", live_server.url + "/"),
        ]

    def post(self, path: str, data: dict) -> tuple[int, str]:
        """The status and body; a redirect is not followed (its status is returned)."""
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.token}, doseq=True)
        request = urllib.request.Request(self.base + path, data=body.encode())
        try:
            response = self.opener.open(request)
            return response.status, response.read().decode()
        except urllib.error.HTTPError as error:  # 3xx land here too, unfollowed
            return error.code, error.read().decode()


def all_at_once(calls: list) -> list:
    """Run each zero-argument callable in its own thread, released together; their results."""
    results: list = [None] * len(calls)
    start = threading.Barrier(len(calls))

    def run(index: int) -> None:
        start.wait()
        results[index] = calls[index]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results
