"""Signed webhooks: editors subscribe receivers to page events; deliveries run in the background with retries.

- `models.py`: subscriptions, deliveries and every delivery attempt (shown in the admin, see cms/wagtail_hooks.py);
- `signals.py`: page published, unpublished, deleted and translation published become deliveries, queued once the
  publishing transaction commits (publishing never waits for a receiver);
- `tasks.py`: the task that POSTs a delivery, retrying with exponential backoff;
- `signing.py`: the signature header and how a receiver verifies it.
"""
