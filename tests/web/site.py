"""What the web tests share: a copy of the examples with three users and their tokens, a client, hostile reports."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

PASSWORD = "correct horse battery"
ROLES = ("viewer", "analyst", "admin")


@dataclass
class Site:
    db: Path
    client: object
    tokens: dict[str, str]

    def auth(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"}

    def upload(self, files: list | dict | None = None, data: dict | None = None, role: str = "analyst") -> dict:
        """Post reports to the API and wait until the background worker has processed them; the final status."""
        import time

        got = self.client.post("/api/documents", files=files, data=data, headers=self.auth(role))
        assert got.status_code == 202, got.text
        status = got.json()
        for _ in range(1200):
            if status["done"]:
                return status
            time.sleep(0.1)
            status = self.client.get(f"/api/uploads/{status['upload_id']}", headers=self.auth(role)).json()
        raise AssertionError(f"upload never finished processing: {status}")

    def signed_in(self, role: str) -> object:
        """A client of its own, signed in through the form as ``role``; its CSRF token is ``client.csrf``."""
        from fastapi.testclient import TestClient

        client = TestClient(self.client.app)
        client.csrf = self.login(client, role)
        return client

    def login(self, client: object, role: str) -> str:
        """Sign ``client`` in through the form; returns the session's CSRF token (read from a page)."""
        import re

        form = client.get("/login")
        nonce = re.search(r'name="nonce" value="([^"]+)"', form.text).group(1)
        done = client.post("/login", data={"name": role, "password": PASSWORD, "nonce": nonce, "next": "/"},
                           follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"] == "/", done.text
        page = client.get("/")
        return re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)


def copy_db(src: Path, dst: Path) -> Path:
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


def make_site(db: Path) -> Site:
    from fastapi.testclient import TestClient

    from casewatch.access import add_user, create_token
    from casewatch.settings import Settings
    from casewatch.store import open_store
    from casewatch.web import create_app

    store = open_store(db)
    tokens = {}
    for role in ROLES:
        add_user(store, role, role, PASSWORD, "test")
        tokens[role] = create_token(store, role, "tests", "test")[1]
    store.close()
    return Site(db=db, client=TestClient(create_app(Settings().with_db(db))), tokens=tokens)


HOSTILE = ("Activist held in Corvel\n\nThe activist Tarek Ondine was arrested in Corvel on Friday, a rights group "
           "said. <script>alert(3)</script> His post read <img src=x onerror=\"alert(2)\"> and "
           "&lt;script&gt;alert(1)&lt;/script&gt; before it was removed.\n")
HOSTILE_HTML = ("<!DOCTYPE html><html><head><title>Editor detained | Corvel Post</title>"
                "<script>alert(4)</script></head><body><article><h1>Editor detained</h1>"
                "<p>The editor Sela Brandt was detained in Corvel on Saturday, her colleagues said.</p>"
                "<p>Her last column quoted the code &lt;script&gt;alert(5)&lt;/script&gt; in full.</p>"
                "<p><img src=x onerror=\"alert(6)\">Colleagues said she had been taken to the city prison.</p>"
                "</article></body></html>")


def sign_in(page, base: str, name: str) -> None:
    """Sign in through the login form as ``name`` (each test user is named after its role)."""
    page.goto(f"{base}/")
    assert "/login" in page.url
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")
