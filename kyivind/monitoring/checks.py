"""End-of-run checks and alerts, with Spidermon.

Each check is its own Spidermon monitor (a ``RunCheck``); a failed check is one ``Run check failed``
ERROR line, one entry of the summary's ``problems``, and exit code 1. ``RunSuite`` runs them when the
spider closes, records the outcome (``kyivind/failed``, the run summary), and alerts people through
Spidermon's actions, each enabled by its own documented settings: e-mail (``SPIDERMON_EMAIL_TO``,
``SPIDERMON_SMTP_HOST``...), Slack (``SPIDERMON_SLACK_SENDER_TOKEN``), Telegram
(``SPIDERMON_TELEGRAM_SENDER_TOKEN``), Discord (``SPIDERMON_DISCORD_WEBHOOK_URL``), and a generic JSON webhook
(``KYIVIND_ALERT_WEBHOOK``). Alerts go out on every failed run and once on the first good run after a
failed one; a healthy run sends nothing.
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request

from spidermon import Monitor, MonitorSuite
from spidermon.contrib.scrapy.runners import SpiderMonitorResult, SpiderMonitorRunner
from spidermon.core.actions import Action

from kyivind import statkeys as keys
from kyivind.crawl.context import RunContext
from kyivind.crawl.urls import basic_authorization, split_credentials
from kyivind.monitoring.summary import RunMonitor, run_summaries

logger = logging.getLogger(__name__)


class RunCheck(Monitor):
    """One end-of-run check (a Spidermon monitor); its failure message is the problem as the summary and the log
    say it."""

    longMessage = False

    @property
    def stats(self) -> dict:
        return self.data.crawler.stats.get_stats()

    @property
    def collected(self) -> RunMonitor:
        return self.data.crawler.get_extension(RunMonitor)


class FewItemsDropped(RunCheck):
    def test_few_items_dropped(self):
        dropped, items = self.stats.get(keys.VALIDATION_DROPPED, 0), self.collected.items
        limit = self.collected.max_dropped_ratio
        failing = dropped and dropped / (dropped + items) > limit
        self.assertFalse(failing, f"items dropped by validation: {dropped} of {dropped + items} "
                                  f"({100 * dropped / max(dropped + items, 1):.1f}% > {100 * limit:.0f}%)")


class FewPagesWithoutAnArticle(RunCheck):
    def test_few_pages_without_an_article(self):
        empty, fetched = self.stats.get(keys.ARTICLE_NOT_AN_ARTICLE, 0), self.stats.get(keys.ARTICLE_RESPONSES, 0)
        limit = self.collected.max_empty_ratio
        failing = fetched and empty - self.stats.get(keys.PAGE_CHALLENGE, 0) > 0 and empty / fetched > limit
        self.assertFalse(failing, f"pages without an article: {empty} of {fetched} article pages answered 200 but "
                                  f"held no title or body ({100 * empty / max(fetched, 1):.1f}% > {100 * limit:.0f}%)")


class FieldCoverage(RunCheck):
    def test_field_coverage(self):
        items, present = self.collected.items, self.collected.present
        low = [f"field coverage below threshold: {name} {present.get(name, 0)}/{items} items "
               f"({100 * present.get(name, 0) / items:.1f}% < {100 * threshold:.0f}%)"
               for name, threshold in sorted(self.collected.thresholds.items())
               if items and present.get(name, 0) / items < threshold]
        self.assertFalse(low, "\n".join(low))


class ItemsWhenArticlesWerePromised(RunCheck):
    def test_items_when_articles_were_promised(self):
        stats = self.stats
        promised = stats.get(keys.ARTICLE_REQUESTED, 0) + stats.get(keys.API_POSTS, 0)
        delivered = (self.collected.items + stats.get(keys.INCREMENTAL_UNCHANGED, 0)
                     + stats.get(keys.DEDUP_DUPLICATE, 0))
        self.assertFalse(promised and not delivered,
                         f"no item: the listing promised {promised} articles and the run yielded none")


class HistoryReadWhenCapturesWereLeft(RunCheck):
    def test_history_read_when_captures_were_left(self):
        left, answered = self.stats.get(keys.WAYBACK_LEFT, 0), self.stats.get(keys.WAYBACK_ANSWERED, 0)
        self.assertFalse(left and not answered,
                         f"history: {left} captures are left to read and none could be read this run (each failed "
                         f"or was dropped: see the WARNING lines; kyivind/wayback/lost, kyivind/wayback/unreadable)")


class NoBotChallengePages(RunCheck):
    def test_no_bot_challenge_pages(self):
        challenges = self.stats.get(keys.PAGE_CHALLENGE, 0)
        self.assertFalse(challenges, f"bot challenge pages: {challenges} pages answered 200 with a challenge "
                                     f"(e.g. 'Just a moment…') instead of an article")


class NoErrorWasLogged(RunCheck):
    def test_no_error_was_logged(self):
        errors = self.collected.errors
        self.assertFalse(errors.count, f"{errors.count} ERROR lines were logged during the run (the first: "
                                       f"{errors.first})")


class TheRunCouldDoItsJob(RunCheck):
    def test_the_run_could_do_its_job(self):
        fatal = list(self.stats.get(keys.FATAL, []))
        more = self.stats.get(keys.FATAL_MORE, 0)
        if more:
            fatal.append(f"and {more} more causes of the same run (kyivind/fatal_more), not listed")
        self.assertFalse(fatal, "\n".join(fatal))


class TheRunFinished(RunCheck):
    def test_the_run_finished(self):
        reason = self.stats.get("finish_reason")
        if not self.stats.get(keys.FATAL):  # a fatal cause already names why the run ended early
            self.assertEqual(reason, "finished", f"the run ended with reason {reason!r}, not 'finished'")


class RecordOutcome(Action):
    """The problems the checks found: ERROR lines, ``kyivind/failed`` (exit code 1), the run summary."""

    def __init__(self, crawler):
        super().__init__()
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def run_action(self):
        problems = [line for problem in self.result.problems for line in problem.splitlines()]
        for problem in problems:
            logger.error("Run check failed: %s", problem)
        if problems:
            self.crawler.stats.set_value(keys.FAILED, 1)
            self.crawler.stats.set_value(keys.FAILED_REASONS, problems)
        self.crawler.get_extension(RunMonitor).write_summary(problems)


class WebhookAlert(Action):
    """POST ``{"text", "run", "ok", "problems", "summary"}`` to ``KYIVIND_ALERT_WEBHOOK``; ``text`` makes it work
    with Slack and Mattermost incoming webhooks."""

    def __init__(self, crawler, url: str):
        super().__init__()
        self.crawler = crawler
        self.url, self.headers = webhook_target(url)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler, crawler.settings.get("KYIVIND_ALERT_WEBHOOK"))

    def run_action(self):
        summary = self.crawler.get_extension(RunMonitor).last_summary or {}
        problems = summary.get("problems", [])
        text = (f"kyivind run {summary.get('run')} FAILED: " + "; ".join(problems) if problems
                else f"kyivind run {summary.get('run')} recovered: ok again after a failed run")
        body = json.dumps({"text": text, "run": summary.get("run"), "ok": not problems, "problems": problems,
                           "summary": summary}, default=str).encode()
        request = urllib.request.Request(self.url, data=body, headers={"Content-Type": "application/json", **self.headers})
        # a redirect is a failed delivery: urllib would follow it with a GET (nothing posted) and send the Basic
        # credentials to whatever host it names
        opener = urllib.request.build_opener(RefuseRedirects)
        with opener.open(request, timeout=15) as answer:  # an answer other than 2xx raises HTTPError
            answer.read()


class RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """An alert's POST is never redirected: the redirect is an error naming where it pointed."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        from kyivind.crawl.urls import redacted

        raise urllib.error.HTTPError(req.full_url, code, f"the webhook redirects ({code}) to {redacted(newurl)}; "
                                                          f"not followed", headers, fp)


def webhook_target(url: str) -> tuple[str, dict]:
    """(the URL without credentials, its headers): ``https://user:password@host/…`` is sent to ``https://host/…``
    with the credentials as HTTP Basic ``Authorization`` (urllib would take them for a host and port)."""
    bare, user, password = split_credentials(url)
    if user is None:
        return url, {}
    return bare, {"Authorization": basic_authorization(user, password)}


# action class path -> the setting that enables it (the action's own documented setting)
ALERTS = {
    "spidermon.contrib.actions.email.smtp.SendSmtpEmail": ("SPIDERMON_EMAIL_TO", "SPIDERMON_SMTP_HOST"),
    "spidermon.contrib.actions.slack.notifiers.SendSlackMessageSpiderFinished": ("SPIDERMON_SLACK_SENDER_TOKEN",),
    "spidermon.contrib.actions.telegram.notifiers.SendTelegramMessageSpiderFinished": ("SPIDERMON_TELEGRAM_SENDER_TOKEN",),
    "spidermon.contrib.actions.discord.notifiers.SendDiscordMessageSpiderFinished": ("SPIDERMON_DISCORD_WEBHOOK_URL",),
    "kyivind.monitoring.checks.WebhookAlert": ("KYIVIND_ALERT_WEBHOOK",),
}


def configured_alerts(settings) -> list[type]:
    """The alert actions whose settings are set."""
    from scrapy.utils.misc import load_object

    return [load_object(action) for action, needed in ALERTS.items() if all(settings.get(name) for name in needed)]


def previous_run_failed(crawler) -> bool:
    """Whether the run before this one (its summary in the data directory) failed."""
    runs = run_summaries(RunContext.of(crawler).data_dir)
    return bool(runs) and not runs[-1].get("ok")


class RunSuite(MonitorSuite):
    monitors = [FewItemsDropped, FewPagesWithoutAnArticle, FieldCoverage, ItemsWhenArticlesWerePromised, HistoryReadWhenCapturesWereLeft, NoBotChallengePages, NoErrorWasLogged, TheRunCouldDoItsJob, TheRunFinished]  # in this order, the problems of the summary
    monitors_finished_actions = [RecordOutcome]

    def __init__(self, *args, crawler=None, **kwargs):
        alerts = configured_alerts(crawler.settings) if crawler is not None else []
        recovered = alerts if alerts and previous_run_failed(crawler) else []
        super().__init__(*args, crawler=crawler, monitors_failed_actions=alerts, monitors_passed_actions=recovered,
                         **kwargs)


class ProblemsResult(SpiderMonitorResult):
    """Spidermon's result, keeping each failed check's own message (not its traceback) as a problem, and
    writing its report at INFO: the ``Run check failed`` lines are the run's ERROR lines."""

    def __init__(self, spider):
        super().__init__(spider)
        self.problems: list[str] = []

    def addFailure(self, test, error):  # noqa: N802 (unittest's name)
        super().addFailure(test, error)
        self.problems.append(str(error[1]))

    def addError(self, test, error):  # noqa: N802
        super().addError(test, error)
        self.problems.append(f"the check {test} could not run: {error[0].__name__}: {error[1]}")

    def add_action_error(self, action, error):
        """An alert that could not be delivered: an ERROR line with the reason, a stat, and a line of the
        run summary (``alerts_failed``, shown by ``kyivind status``). Spidermon alone keeps it at INFO."""
        super().add_action_error(action, error)
        reason = (error.strip().splitlines() or ["unknown error"])[-1][:300]
        crawler = self.spider.crawler
        if isinstance(action, RecordOutcome):
            crawler.stats.set_value(keys.FAILED, 1)
            logger.error("The run's outcome could not be recorded: %s", reason)
            return
        crawler.stats.inc_value(keys.ALERT_FAILED)
        logger.error("Alert not delivered (%s): %s", action.name, reason)
        crawler.get_extension(RunMonitor).alert_failed(action.name, reason)

    def log(self, msg, level=logging.DEBUG):
        """Through the spider's logger, at DEBUG: the checks' verdicts are the ``Run check failed`` ERROR lines and
        the run's last line (``Run FAILED``/``Run OK``, kyivind/commands/crawl.py); Spidermon's own report, with
        its ``OK`` after every section, would bury a failure under lines that say OK. (Spidermon's own
        ``Spider.log()`` call is deprecated by Scrapy and warns.)"""
        self.spider.logger.log(logging.DEBUG, "[Spidermon] %s", msg)

    def write_errors(self):
        for status in self.step.error_statuses:  # the failed checks by name; their messages are the ERROR lines
            for item in self.step.items_for_status(status):
                self.log_info(f"{item.status}: {item.item.name}")


class ProblemsRunner(SpiderMonitorRunner):
    def create_result(self):
        return ProblemsResult(self.spider)


class RunChecks:
    """Extension: the suites of ``SPIDERMON_ENGINE_STOP_MONITORS`` run when the engine stops, by Spidermon's
    runner with the result above. Spidermon's monitors, suites, actions and runner, without its extension,
    whose runner cannot be chosen but by overriding a private method."""

    def __init__(self, crawler, suites: list[type]):
        self.crawler = crawler
        self.suites = suites

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy import signals
        from scrapy.exceptions import NotConfigured
        from scrapy.utils.misc import load_object

        if not crawler.settings.getbool("SPIDERMON_ENABLED"):
            raise NotConfigured("SPIDERMON_ENABLED is off: no end-of-run checks")
        suites = [load_object(path) for path in crawler.settings.getlist("SPIDERMON_ENGINE_STOP_MONITORS")]
        extension = cls(crawler, suites)
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        return extension

    def engine_stopped(self):
        spider = self.crawler.spider
        data = {"stats": self.crawler.stats.get_stats(), "stats_history": [], "crawler": self.crawler,
                "spider": spider, "sc_spider_name": spider.name, "job": None}  # what Spidermon's monitors read
        for suite in self.suites:
            ProblemsRunner(spider=spider).run(suite(crawler=self.crawler), **data)
