"""A real Ghost on 127.0.0.1 with SQLite, seeded with the replica's News Feed posts.

Install it first with ``tests/ghost/install_ghost.sh`` (cached in ``~/.cache/kyivind``). Then

    python -m tests.ghost.harness            # start, seed, print the URL, wait for Ctrl-C

Ghost turns the posts' HTML into its own Koenig cards and serves them through its default theme
"Source" and its Content API: markup and JSON that nobody on this project wrote.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

from tests.replica.content import AUTHORS, post_html, posts

VERSION = os.environ.get("KYIVIND_GHOST_VERSION", "5.130.6")
GHOST_HOME = Path(os.environ.get("KYIVIND_GHOST_HOME", Path.home() / ".cache/kyivind" / f"ghost-{VERSION}"))
PACKAGE = GHOST_HOME / "package"
OWNER = {"name": "Site Owner", "email": "owner@example.com", "password": "q7Zx-Lm3v-Tr9k-Wp2d", "blogTitle": "The Kyiv Independent"}


def installed() -> bool:
    return (PACKAGE / ".installed").exists() and shutil.which("node") is not None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Ghost:
    def __init__(self, workdir: Path | None = None):
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="kyivind-ghost-"))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self.db = self.workdir / "ghost.db"
        self.log_path = self.workdir / "ghost.log"

    # --- process -----------------------------------------------------------------------------
    def start(self, timeout: float = 120) -> None:
        content = self.workdir / "content"
        if not content.exists():
            shutil.copytree(PACKAGE / "content", content)
        config = {
            "url": self.url,
            "server": {"host": "127.0.0.1", "port": self.port},
            "database": {"client": "sqlite3", "connection": {"filename": str(self.db)}, "useNullAsDefault": True},
            "paths": {"contentPath": str(content)},
            "privacy": {"useUpdateCheck": False, "useGravatar": False, "useRpcPing": False, "useStructuredData": True},
            "mail": {"transport": "Direct"},
            "logging": {"level": "error", "transports": ["stdout"]},
        }
        config_path = self.workdir / "config.development.json"
        config_path.write_text(json.dumps(config, indent=2))
        env = {**os.environ, "NODE_ENV": "development", "database__connection__filename": str(self.db)}
        # Ghost reads config.<env>.json from its own folder; point it at ours through nconf's env override
        for key, value in _flatten(config).items():
            env[key] = str(value)
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(["node", "index.js"], cwd=PACKAGE, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"Ghost exited with {self.proc.returncode}: {self.log_path.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(f"{self.url}/ghost/api/admin/authentication/setup/", timeout=5) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(1)
        raise TimeoutError(f"Ghost did not start in {timeout}s: {self.log_path.read_text()[-2000:]}")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        if getattr(self, "log", None):
            self.log.close()

    # --- admin API ---------------------------------------------------------------------------
    def admin(self, method: str, path: str, body: dict | None = None) -> dict:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{self.url}/ghost/api/admin/{path}", data=data, method=method,
                                         headers={"Content-Type": "application/json", "Origin": self.url,
                                                  "Accept-Version": "v5.0"})
        try:
            with self.opener.open(request, timeout=60) as answer:
                text = answer.read().decode()
        except urllib.error.HTTPError as error:
            raise RuntimeError(f"{method} {path}: {error.code} {error.read().decode()[:1000]}") from None
        try:
            return json.loads(text) if text.strip() else {}
        except ValueError:  # the session endpoint answers "Created"
            return {"text": text}

    def setup(self) -> None:
        self.admin("POST", "authentication/setup/", {"setup": [OWNER]})
        self.admin("POST", "session/", {"username": OWNER["email"], "password": OWNER["password"]})

    def add_staff(self) -> dict[str, str]:
        """Insert the replica's authors as active staff (invites would need e-mail); {slug: id}."""
        roles = self.admin("GET", "roles/?limit=all")["roles"]
        author_role = next(r["id"] for r in roles if r["name"] == "Author")
        ids = {}
        with sqlite3.connect(self.db) as db:
            owner = db.execute("select id, password, created_at, created_by from users where email=?", (OWNER["email"],)).fetchone()
            columns = {row[1] for row in db.execute("pragma table_info(users)")}
            for n, (slug, author) in enumerate(AUTHORS.items()):
                user_id = f"{n + 1:024x}"
                row = {"id": user_id, "name": author["name"], "slug": slug, "password": owner[1],
                       "email": f"{slug}@example.com", "bio": author["bio"], "location": author["role"],
                       "profile_image": author["profile_image"], "status": "active", "visibility": "public",
                       "created_at": owner[2], "created_by": owner[3] if "created_by" in columns else None,
                       "updated_at": owner[2]}
                row = {k: v for k, v in row.items() if k in columns}
                db.execute(f"insert into users ({', '.join(row)}) values ({', '.join('?' for _ in row)})", list(row.values()))
                db.execute("insert into roles_users (id, role_id, user_id) values (?, ?, ?)", (f"{n + 1:023x}f", author_role, user_id))
                ids[slug] = user_id
        return ids

    def add_posts(self, author_ids: dict[str, str], post_list: list[dict] | None = None) -> None:
        for post in post_list or posts():
            body = {
                "title": post["title"], "slug": post["slug"], "html": post_html(post), "status": "published",
                "published_at": post["published_at"], "custom_excerpt": post["custom_excerpt"],
                "tags": [{"name": t["name"]} for t in post["tags"]],
                "authors": [{"id": author_ids[s]} for s in post["authors"]],
                "feature_image": post["feature_image"], "feature_image_caption": post["feature_image_caption"],
            }
            self.admin("POST", "posts/?source=html", {"posts": [body]})

    def content_key(self) -> str:
        import re

        with urllib.request.urlopen(f"{self.url}/", timeout=30) as answer:
            page = answer.read().decode()
        match = re.search(r'data-key="([0-9a-f]+)"', page)
        if not match:
            raise RuntimeError("no data-key on the home page")
        return match.group(1)


def _flatten(config: dict, prefix: str = "") -> dict:
    out = {}
    for key, value in config.items():
        name = f"{prefix}__{key}" if prefix else key
        if isinstance(value, dict):
            out.update(_flatten(value, name))
        elif not isinstance(value, list):
            out[name] = value
    return out


def seeded_ghost(workdir: Path | None = None) -> Ghost:
    ghost = Ghost(workdir)
    ghost.start()
    try:
        ghost.setup()
        ghost.add_posts(ghost.add_staff())
    except Exception:
        ghost.stop()
        raise
    return ghost


if __name__ == "__main__":
    g = seeded_ghost()
    print(f"Ghost seeded on {g.url} (content key {g.content_key()}); logs in {g.log_path}", flush=True)
    try:
        g.proc.wait()
    except KeyboardInterrupt:
        g.stop()
