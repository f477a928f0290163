"""Validation against the item's JSON Schema: invalid items are dropped with the reason logged and
one stat per failing field (``kyivind/validation/invalid/<field>``)."""

from __future__ import annotations

import json
import logging

import jsonschema_rs
from scrapy.exceptions import DropItem

from kyivind import statkeys as keys
from kyivind.crawl.context import component
from kyivind.items import load_schema, public_dict
from kyivind.pipelines import CrawlerPipeline
from kyivind.state.failures import FailureLog

logger = logging.getLogger(__name__)


def failing_fields(validator, data: dict) -> dict[str, str]:
    """{field: message} for every schema violation, the field being the top-level property (``_extra`` for a
    property the schema does not know, ``_item`` where the item itself is not an object)."""
    failures: dict[str, str] = {}
    for error in validator.iter_errors(data):
        keyword = error.schema_path[-1] if error.schema_path else None
        if keyword == "required" and not error.instance_path:
            name = str(error.kind.property)
        elif keyword == "additionalProperties" and not error.instance_path:
            name = "_extra"
        else:
            name = str(error.instance_path[0]) if error.instance_path else "_item"
        failures.setdefault(name, error.message[:200])
    return failures


def _json(value) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


class ValidationPipeline(CrawlerPipeline):
    """Every item checked against the schema by jsonschema-rs (Draft 2020-12, compiled once; its patterns read
    with ECMA-262's ``\\d``, ASCII digits only, as the schema means them), which names what failed."""

    def __init__(self, crawler):
        super().__init__(crawler)
        self.validator = jsonschema_rs.validator_for(load_schema())
        self.failures = component(crawler, FailureLog)

    def process_item(self, item, spider=None):
        data = public_dict(item)
        try:
            if self.validator.is_valid(data):
                self.stats.inc_value(keys.VALIDATION_VALID)
                return item
            failures = failing_fields(self.validator, data) or {"_item": "rejected by the schema"}
        except ValueError as error:  # a value JSON has no type for (a set, bytes): the item cannot be written
            failures = {name: f"not a JSON value: {error}"[:200] for name, value in data.items() if not _json(value)} \
                or {"_item": f"not a JSON value: {error}"[:200]}
        for name in failures:
            self.stats.inc_value(keys.validation_invalid(name))
        self.stats.inc_value(keys.VALIDATION_DROPPED)
        reasons = "; ".join(f"{k}: {v}" for k, v in sorted(failures.items()))
        if data.get("url"):  # DropItem logs the loss
            self.failures.record(data["url"], "invalid", f"invalid item: {reasons}"[:300], announce=False)
        raise DropItem(f"invalid item {data.get('url')}: {reasons}", log_level="WARNING")
