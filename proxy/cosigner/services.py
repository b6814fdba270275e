"""The long-lived objects a request needs, built once per app and reached through one typed ``AppKey``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import aiohttp

from cosigner.config import Config, Upstream
from cosigner.providers import Provider, make_provider

if TYPE_CHECKING:
    from cosigner.auth import AuthStore
    from cosigner.keys import KeyStore
    from cosigner.policy.model import Policy
    from cosigner.policy.reload import PolicyHolder
    from cosigner.redaction import Redactor
    from cosigner.store.audit_log import AuditLog


@dataclass
class Services:
    config: Config
    session: aiohttp.ClientSession
    policies: PolicyHolder
    auth: AuthStore
    keys: KeyStore
    audit: AuditLog
    _providers: dict[str, Provider] = field(default_factory=dict)
    _redactors: dict[str, Redactor] = field(default_factory=dict)

    @property
    def policy(self) -> Policy:
        return self.policies.current

    def provider(self, upstream: Upstream) -> Provider:
        provider = self._providers.get(upstream.name)
        if provider is None:
            provider = make_provider(self.session, upstream, self.config.timeouts)
            self._providers[upstream.name] = provider
        return provider

    def redactor(self) -> Redactor:
        """One redactor per policy content hash: built once, reused until the policy changes."""
        from cosigner.redaction import Redactor

        policy = self.policy
        redactor = self._redactors.get(policy.content_hash)
        if redactor is None:
            redactor = Redactor(policy.redaction)
            self._redactors = {policy.content_hash: redactor}
        return redactor
