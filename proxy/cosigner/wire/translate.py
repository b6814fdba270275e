"""Cross-format routing: an OpenAI-format client can reach an Anthropic model and the reverse.

The pieces live in small modules (requests, complete responses, streams); this module is the one to import.
"""

from __future__ import annotations

from cosigner.wire.translate_response import anthropic_response_to_openai, openai_response_to_anthropic
from cosigner.wire.translate_stream import AnthropicStreamToOpenAI, OpenAIStreamToAnthropic
from cosigner.wire.translate_to_anthropic import openai_request_to_anthropic
from cosigner.wire.translate_to_openai import anthropic_request_to_openai

__all__ = [
    "AnthropicStreamToOpenAI",
    "OpenAIStreamToAnthropic",
    "anthropic_request_to_openai",
    "anthropic_response_to_openai",
    "openai_request_to_anthropic",
    "openai_response_to_anthropic",
]
