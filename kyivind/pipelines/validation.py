"""Validation against the item's JSON Schema: invalid items are dropped with the reason logged and
one stat per failing field (``kyivind/validation/invalid/<field>``)."""

from __future__ import annotations

import logging
from functools import cached_property

import fastjsonschema
from scrapy.exceptions import DropItem

from kyivind import statkeys as keys
from kyivind.crawl.context import component
from kyivind.items import load_schema, public_dict
from kyivind.pipelines import CrawlerPipeline
from kyivind.state.failures import FailureLog

logger = logging.getLogger(__name__)


def failing_fields(validator, data: dict) -> dict[str, str]:
    """{field: message} for every schema violation, the field being the top-level property."""
    failures: dict[str, str] = {}
    for error in validator.iter_errors(data):
        if error.validator == "required":
            name = error.message.split("'")[1]
        elif error.validator == "additionalProperties" and not error.path:
            name = "_extra"
        else:
            name = str(error.path[0]) if error.path else "_item"
        failures.setdefault(name, error.message[:200])
    return failures


class ValidationPipeline(CrawlerPipeline):
    """A compiled check (fastjsonschema) for every item; the full validator only to name what failed."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.check = fastjsonschema.compile(load_schema())
        self.failures = component(crawler, FailureLog)

    @cached_property
    def validator(self):
        """jsonschema's validator (Draft 2020-12), made when an item first fails: only to name what failed."""
        from jsonschema import Draft202012Validator

        return Draft202012Validator(load_schema())

    def process_item(self, item, spider=None):
        data = public_dict(item)
        try:
            self.check(data)
        except fastjsonschema.JsonSchemaException:
            failures = failing_fields(self.validator, data) or {"_item": "rejected by the schema"}
        else:
            self.stats.inc_value(keys.VALIDATION_VALID)
            return item
        for name in failures:
            self.stats.inc_value(keys.validation_invalid(name))
        self.stats.inc_value(keys.VALIDATION_DROPPED)
        reasons = "; ".join(f"{k}: {v}" for k, v in sorted(failures.items()))
        if data.get("url"):  # DropItem logs the loss
            self.failures.record(data["url"], "invalid", f"invalid item: {reasons}"[:300], announce=False)
        raise DropItem(f"invalid item {data.get('url')}: {reasons}", log_level="WARNING")
