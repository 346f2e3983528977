"""The signature a receiver checks: HMAC-SHA256, keyed with the subscription's secret, over "<timestamp>.<body>".

Headers sent with each delivery:

    X-Twinning-Event: published
    X-Twinning-Delivery: 42
    X-Twinning-Signature: t=1767225600,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd

A receiver recomputes v1 over the raw request body and refuses a request whose timestamp is too old (replay):
see `verify_signature`, which receivers may copy as it is (it needs only the standard library).
"""

import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-Twinning-Signature"


def sign(secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def verify_signature(secret: str, header: str, body: bytes, tolerance: int = 300, now: float | None = None) -> bool:
    """True if `header` (X-Twinning-Signature) signs `body` with `secret` within `tolerance` seconds of now."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
        signature = parts["v1"]
    except (KeyError, ValueError):
        return False
    if abs((time.time() if now is None else now) - timestamp) > tolerance:
        return False
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature)
