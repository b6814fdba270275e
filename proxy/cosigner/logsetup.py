"""Structured logging: one JSON object per line, carrying only allow-listed metadata fields.

``extra`` keys outside ``SAFE_FIELDS`` are dropped, and the message itself is a fixed string chosen by the
code, so user text cannot reach a log line through a careless ``extra`` or an f-string of request data.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from typing import Any

SAFE_FIELDS = frozenset(
    {
        "exchange",
        "status",
        "code",
        "path",
        "timings",
        "error_type",
        "counts",
        "rule",
        "policy",
        "policy_hash",
        "upstream",
        "model",
        "host",
        "port",
        "data_dir",
        "entries",
        "reason",
        "seq",
        "version",
    }
)
# Loggers whose messages are about files and settings only, so their arguments may be rendered.
_FORMATTED_LOGGERS = ("cosigner.policy",)
_STANDARD = frozenset(vars(logging.makeLogRecord({})))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "t": round(time.time(), 3),
            "level": record.levelname,
            "logger": record.name,
            "event": record.msg if isinstance(record.msg, str) else type(record.msg).__name__,
        }
        if record.name.startswith(_FORMATTED_LOGGERS) and record.args:
            payload["detail"] = record.getMessage()  # policy/config messages name files and keys, never text
        for key, value in vars(record).items():
            if key not in _STANDARD and key in SAFE_FIELDS:
                payload[key] = value
        if record.exc_info and record.exc_info[0] is not None:
            payload["error_type"] = record.exc_info[0].__name__  # the type only; messages may hold text
        return json.dumps(payload, default=str)


def configure_logging(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
