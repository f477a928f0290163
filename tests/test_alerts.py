"""Alerts reach people: Spidermon's e-mail action delivers to a real SMTP server (aiosmtpd) and the generic
webhook to a local HTTP server, each through a real crawl; a healthy run sends nothing; the first good
run after a failed one sends "recovered" once."""

import socket
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from tests.conftest import run_crawl
from tests.replica.server import ReplicaServer, ReplicaSite

pytestmark = pytest.mark.crawl
UNREACHABLE = ("-s", "KYIVIND_RETRY_BACKOFF_BASE=0.05", "-s", "RETRY_TIMES=1")
USER, PASSWORD = "alerts", "smtp-secret-for-tests"


class Inbox:
    def __init__(self):
        self.messages = []
        self.logins = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content)))
        return "250 Message accepted for delivery"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        self.logins.append(auth_data.login.decode())
        return AuthResult(success=auth_data.login == USER.encode() and auth_data.password == PASSWORD.encode())


@pytest.fixture
def smtp():
    inbox = Inbox()
    with socket.socket() as probe:  # aiosmtpd checks it is up on the port it was given: not 0
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port, authenticator=inbox.authenticate,
                            auth_require_tls=False)
    controller.start()
    try:
        yield inbox, controller.port
    finally:
        controller.stop()


def test_a_failed_run_is_mailed_through_smtp(smtp, tmp_path):
    inbox, port = smtp
    env = {"SPIDERMON_EMAIL_TO": "news-desk@example.org", "SPIDERMON_SMTP_HOST": "127.0.0.1",
           "SPIDERMON_SMTP_PORT": str(port), "SPIDERMON_SMTP_USER": USER, "SPIDERMON_SMTP_PASSWORD": PASSWORD}
    result = run_crawl("http://127.0.0.1:9", tmp_path, *UNREACHABLE, env=env, output=False)
    assert result.returncode == 1
    assert inbox.logins == [USER] and len(inbox.messages) == 1, result.log[-3000:]
    recipients, message = inbox.messages[0]
    assert recipients == ["news-desk@example.org"] and message["Subject"] == "kyivind: News Feed run report"
    assert "FieldCoverage" in message.as_string() and "TheRunCouldDoItsJob" in message.as_string()


def test_a_failed_run_posts_the_webhook_and_a_healthy_run_sends_nothing(webhook, smtp, tmp_path):
    received, url = webhook
    inbox, port = smtp
    env = {"KYIVIND_ALERT_WEBHOOK": url, "SPIDERMON_EMAIL_TO": "news-desk@example.org",
           "SPIDERMON_SMTP_HOST": "127.0.0.1", "SPIDERMON_SMTP_PORT": str(port), "SPIDERMON_SMTP_USER": USER,
           "SPIDERMON_SMTP_PASSWORD": PASSWORD, "KYIVIND_DATA_DIR": str(tmp_path / "data")}
    with ReplicaServer(ReplicaSite("ghost")) as server:
        healthy = run_crawl(server.url, tmp_path / "1", env=env)
        assert healthy.returncode == 0 and received == [] and inbox.messages == [], "nothing on a healthy run"
        failed = run_crawl("http://127.0.0.1:9", tmp_path / "2", *UNREACHABLE, env=env, output=False)
        assert failed.returncode == 1 and len(received) == 1
        alert = received[0]
        assert alert["ok"] is False and alert["run"] == alert["summary"]["run"]
        assert alert["problems"] == alert["summary"]["problems"] and "could not be fetched" in alert["problems"][0]
        assert alert["text"].startswith(f"kyivind run {alert['run']} FAILED: the listing http://127.0.0.1:9/")
        recovered = run_crawl(server.url, tmp_path / "3", env=env)
        assert recovered.returncode == 0 and len(received) == 2
        assert received[1]["ok"] is True and "recovered" in received[1]["text"] and received[1]["problems"] == []
        again = run_crawl(server.url, tmp_path / "4", env=env)
        assert again.returncode == 0 and len(received) == 2, "recovered is said once"
    assert len(inbox.messages) == 2, "the failed run and the recovery were mailed too"
