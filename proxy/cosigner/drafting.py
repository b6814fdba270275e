"""The drafting API's model call: the practitioner's text and instruction through the full pipeline.

The drafts routes (``cosigner.drafts``) decide what to ask; this module runs it exactly like an OpenAI-format
request from any client — check, redact, forward, restore, audit — so the extension gets no weaker screening.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aiohttp import web

from cosigner.auth import Principal
from cosigner.drafts.service import DraftDeps, GenerateRequest, GenerateResult
from cosigner.exchange import Exchange
from cosigner.pipeline import recorded, restored_reply, run_pre_forward
from cosigner.routes import SERVICES
from cosigner.stages.tag import reply_text

SYSTEM_PROMPT = (
    "You help a social-work practitioner improve the wording of their own case-record text. Follow the "
    "instruction. Keep every fact, name placeholder (like [PERSON_1]), date and judgement exactly as the "
    "practitioner wrote it, and add nothing of your own: no new facts, opinions or conclusions. Reply with the "
    "revised text only."
)


def make_draft_deps(app: web.Application, data_dir: Path) -> DraftDeps:
    async def generate(req: GenerateRequest) -> GenerateResult:
        services = app[SERVICES]
        model = req.model or services.config.drafting_model
        body: dict[str, Any] = {
            "model": model,
            "messages": [
                {"role": "system", "content": SYSTEM_PROMPT},
                {"role": "user", "content": f"Instruction: {req.instruction}\n\nText:\n{req.original_text}"},
            ],
        }
        if req.case_context is not None:
            body["cosigner"] = {"case_context": req.case_context}
        ex = Exchange(client_format="openai", route="/cosigner/v1/drafts", principal=_DRAFTING)
        async with recorded(ex, services):
            await run_pre_forward(ex, body, None, services)
            reply = await restored_reply(ex, services)
        assert ex.upstream is not None and ex.redaction is not None
        return GenerateResult(
            draft_text=reply_text("openai", reply),
            provider=ex.upstream.name,
            model=ex.model,
            redaction_counts=dict(ex.redaction.counts),
        )

    return DraftDeps(
        policy=lambda: app[SERVICES].policy,
        keys=lambda: app[SERVICES].keys,
        audit=lambda: app[SERVICES].audit,
        generate=generate,
        data_dir=data_dir,
    )


_DRAFTING = Principal("practitioner", "drafting-api")
