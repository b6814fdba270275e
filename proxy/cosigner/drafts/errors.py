"""The drafting API's refusals: subclasses of the shared tree, each with a stable code (docs/drafting-api.md).

    ClientError
    ├── BadRequest ........... 400 bad_request
    │   └── DraftRequestInvalid .... 400 draft_request_invalid
    ├── Forbidden ............ 403
    │   └── WrongRole ............. 403 wrong_role
    ├── NotFound ............. 404
    │   └── DraftNotFound ......... 404 draft_not_found
    ├── Conflict ............. 409
    │   ├── AlreadyDecided ........ 409 already_decided
    │   └── DraftNotAccepted ...... 409 draft_not_accepted
    └── ReviewRefused ........ 422 (one subclass per review rule)
        ├── InvalidDecision ....... 422 invalid_decision
        ├── HunkUndecided ......... 422 hunk_undecided
        ├── FlagNotConfirmed ...... 422 flag_not_confirmed
        ├── ReviewTooFast ......... 422 review_too_fast
        ├── BulkAcceptNotAllowed .. 422 bulk_accept_not_allowed
        ├── AttestationRequired ... 422 attestation_required
        └── FinalTextMismatch ..... 422 final_text_mismatch

Messages say what to do and carry hunk indexes and counts, never text.
"""

from __future__ import annotations

from cosigner.errors import BadRequest, ClientError, Conflict, Forbidden, NotFound


class DraftRequestInvalid(BadRequest):
    code = "draft_request_invalid"


class WrongRole(Forbidden):
    code = "wrong_role"


class DraftNotFound(NotFound):
    code = "draft_not_found"


class AlreadyDecided(Conflict):
    code = "already_decided"


class DraftNotAccepted(Conflict):
    code = "draft_not_accepted"


class ReviewRefused(ClientError):
    status = 422
    code = "review_refused"


class InvalidDecision(ReviewRefused):
    code = "invalid_decision"


class HunkUndecided(ReviewRefused):
    code = "hunk_undecided"


class FlagNotConfirmed(ReviewRefused):
    code = "flag_not_confirmed"


class ReviewTooFast(ReviewRefused):
    code = "review_too_fast"


class BulkAcceptNotAllowed(ReviewRefused):
    code = "bulk_accept_not_allowed"


class AttestationRequired(ReviewRefused):
    code = "attestation_required"


class FinalTextMismatch(ReviewRefused):
    code = "final_text_mismatch"


ALL_CODES: tuple[str, ...] = tuple(
    cls.code
    for cls in (
        DraftRequestInvalid, WrongRole, DraftNotFound, AlreadyDecided, DraftNotAccepted, InvalidDecision,
        HunkUndecided, FlagNotConfirmed, ReviewTooFast, BulkAcceptNotAllowed, AttestationRequired,
        FinalTextMismatch,
    )
)  # fmt: skip
