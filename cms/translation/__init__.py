"""Translation tooling that spans the content apps: machine translators, bulk translation, status, permissions."""
