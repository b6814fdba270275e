"""Provider wire formats as pure functions: no I/O anywhere in this package.

- ``sse``: incremental ``SSEDecoder`` and ``encode_sse``.
- ``paths``: ``TextSlot`` and ``get_path``/``set_path`` addressing strings inside a request body.
- ``openai_chat`` / ``anthropic_messages``: ``validate_request``, ``request_text_slots``, ``non_text_parts``,
  ``requested_model``, ``is_stream`` for each client format.
- ``translate``: requests, responses and streams between the two formats (cross-format routing).
- ``rewrite``: rewriting model-written text in responses and streams, in the client's format (restore).
- ``errors``: error bodies and mid-stream error events in each format; ``parse_upstream_error``.

Validation failures raise ``BadRequest`` naming the dotted path; invalid upstream shapes raise
``UpstreamBadResponse``.  Messages never contain request or response text.
"""
