"""web: the DPO review page (``/cosigner/dpo``) and its read-only API."""

from cosigner.web.dpo import add_dpo_routes

__all__ = ["add_dpo_routes"]
