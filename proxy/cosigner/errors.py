"""One exception tree for everything Cosigner refuses or fails at.

Every class carries an HTTP status and a stable machine ``code``; the error middleware renders any of them in
the caller's own API format (OpenAI- or Anthropic-style error JSON).  Messages never contain user text.

    CosignerError
    ├── ClientError (4xx)
    │   ├── BadRequest ............... 400 bad_request
    │   ├── Unauthorized ............. 401 unauthorized
    │   ├── Forbidden ................ 403 forbidden
    │   │   ├── HostRejected ......... 403 host_rejected
    │   │   ├── OriginRejected ....... 403 origin_rejected
    │   │   └── PolicyBlocked ........ 403 policy_blocked   (+ rule_id)
    │   ├── NotFound ................. 404 not_found
    │   │   └── UnknownModel ......... 404 model_not_found
    │   ├── MethodNotAllowed ......... 405 method_not_allowed
    │   ├── Conflict ................. 409 conflict
    │   ├── PayloadTooLarge .......... 413 body_too_large
    │   ├── UnsupportedMediaType ..... 415 unsupported_media_type
    │   ├── RedactionFailed .......... 422 redaction_failed
    │   └── TokenLimitExceeded ....... 400 token_limit_exceeded
    ├── UpstreamError
    │   ├── UpstreamUnreachable ...... 502 upstream_unreachable
    │   ├── UpstreamBadResponse ...... 502 upstream_invalid_response
    │   ├── UpstreamTimeout .......... 504 upstream_timeout
    │   └── UpstreamStatus ........... provider's 4xx/429/5xx status, upstream_error (+ retry_after)
    └── InternalFailure
        ├── AuditFailed .............. 503 audit_failed
        ├── RestoreFailed ............ 502 restore_failed
        └── ConfigError .............. (start-up only; never rendered over HTTP)
"""

from __future__ import annotations


class CosignerError(Exception):
    status: int = 500
    code: str = "internal_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ClientError(CosignerError):
    status = 400
    code = "bad_request"


class BadRequest(ClientError):
    status = 400
    code = "bad_request"


class Unauthorized(ClientError):
    status = 401
    code = "unauthorized"


class Forbidden(ClientError):
    status = 403
    code = "forbidden"


class HostRejected(Forbidden):
    code = "host_rejected"


class OriginRejected(Forbidden):
    code = "origin_rejected"


class PolicyBlocked(Forbidden):
    code = "policy_blocked"

    def __init__(self, message: str, rule_id: str) -> None:
        super().__init__(message)
        self.rule_id = rule_id


class NotFound(ClientError):
    status = 404
    code = "not_found"


class UnknownModel(NotFound):
    code = "model_not_found"


class MethodNotAllowed(ClientError):
    status = 405
    code = "method_not_allowed"


class Conflict(ClientError):
    status = 409
    code = "conflict"


class PayloadTooLarge(ClientError):
    status = 413
    code = "body_too_large"


class UnsupportedMediaType(ClientError):
    status = 415
    code = "unsupported_media_type"


class RedactionFailed(ClientError):
    status = 422
    code = "redaction_failed"


class TokenLimitExceeded(ClientError):
    status = 400
    code = "token_limit_exceeded"


class UpstreamError(CosignerError):
    status = 502
    code = "upstream_error"


class UpstreamUnreachable(UpstreamError):
    status = 502
    code = "upstream_unreachable"


class UpstreamBadResponse(UpstreamError):
    status = 502
    code = "upstream_invalid_response"


class UpstreamTimeout(UpstreamError):
    status = 504
    code = "upstream_timeout"


class UpstreamStatus(UpstreamError):
    """The provider answered with an error status; passed through with its own status code."""

    code = "upstream_error"

    def __init__(self, message: str, status: int, retry_after: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.retry_after = retry_after


class InternalFailure(CosignerError):
    status = 500
    code = "internal_error"


class AuditFailed(InternalFailure):
    status = 503
    code = "audit_failed"


class RestoreFailed(InternalFailure):
    status = 502
    code = "restore_failed"


class ConfigError(InternalFailure):
    code = "config_error"
