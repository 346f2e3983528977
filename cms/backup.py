"""Backups of the site: the database (pg_dump's custom format; SQLite's online backup) and the media folder.

A backup is a folder `twinning-<UTC timestamp>/` holding `database.dump` (PostgreSQL) or `database.sqlite3`
(SQLite), `media.tar.gz` (MEDIA_ROOT, when media are on local disk) and `manifest.json` (what, when, and each file's
SHA-256, checked before a restore). `manage.py backup_site` writes one, `manage.py restore_site` reads one; see
docs/backup.md.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connections

FORMAT_VERSION = 1


class BackupError(Exception):
    """Something a backup or restore cannot do; the commands turn it into a CommandError (a usage message)."""


def vendor(alias="default"):
    return connections[alias].vendor


def pg_environment(db):
    """libpq's environment for a database's settings (no password on a command line)."""
    env = {**os.environ}
    for key, name in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[name] = str(db[key])
    return env


def run(cmd, env):
    if shutil.which(cmd[0]) is None:
        raise BackupError(f"{cmd[0]} is not installed (PostgreSQL's client tools are needed).")
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{cmd[0]} failed: {result.stderr.strip()[-2000:]}")
    return result


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def media_on_disk():
    return isinstance(default_storage, FileSystemStorage)


def backup(output_dir, alias="default", media=True):
    """Writes a backup folder under `output_dir`; returns its path."""
    db = connections[alias].settings_dict
    kind = vendor(alias)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    folder = Path(output_dir) / f"twinning-{stamp}"
    folder.mkdir(parents=True)
    files = {}
    if kind == "postgresql":
        target = folder / "database.dump"
        run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={target}", db["NAME"]],
            pg_environment(db),
        )
    elif kind == "sqlite":
        target = folder / "database.sqlite3"
        connections[alias].ensure_connection()
        with sqlite3.connect(target) as copy:
            connections[alias].connection.backup(copy)  # consistent even while the site writes
        copy.close()
    else:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {kind}.")
    files[target.name] = sha256(target)
    media_root = Path(settings.MEDIA_ROOT)
    if media and media_on_disk() and media_root.is_dir():
        archive = folder / "media.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(media_root, arcname="media")
        files[archive.name] = sha256(archive)
    manifest = {
        "format": FORMAT_VERSION,
        "created": datetime.now(UTC).isoformat(),
        "database": {"vendor": kind, "name": str(db["NAME"])},
        "media": "media.tar.gz" in files,
        "files": files,
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return folder


def read_manifest(folder):
    folder = Path(folder)
    try:
        manifest = json.loads((folder / "manifest.json").read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} is not a backup: no readable manifest.json ({error}).") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{folder}: unknown backup format {manifest.get('format')!r}.")
    for name, digest in manifest["files"].items():
        if not (folder / name).is_file() or sha256(folder / name) != digest:
            raise BackupError(f"{folder / name} is missing or damaged (its SHA-256 does not match the manifest).")
    return manifest


def restore_database(folder, alias="default", database=None):
    """Restores the backup's database into the site's database, or into `database` (PostgreSQL: a database name
    on the same server, created here and refused if it exists; SQLite: a new file)."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    kind = vendor(alias)
    if manifest["database"]["vendor"] != kind:
        raise BackupError(f"This backup is of a {manifest['database']['vendor']} database; the site uses {kind}.")
    db = connections[alias].settings_dict
    if kind == "postgresql":
        env = pg_environment(db)
        if database:
            run(["createdb", database], env)
            run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", f"--dbname={database}",
                 str(folder / "database.dump")], env)  # fmt: skip
        else:
            connections[alias].close()
            run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
                 "--exit-on-error", f"--dbname={db['NAME']}", str(folder / "database.dump")], env)  # fmt: skip
    else:
        if not database and str(db["NAME"]).startswith((":memory:", "file:")):
            raise BackupError("The site's database is in memory: restore into a file with --database.")
        target = Path(database or db["NAME"])
        if database and target.exists():
            raise BackupError(f"{target} exists already: restore into a new file.")
        connections[alias].close()
        with sqlite3.connect(folder / "database.sqlite3") as source, sqlite3.connect(target) as copy:
            source.backup(copy)
        source.close()
        copy.close()
    return manifest


def restore_media(folder, media_root=None):
    """Extracts the backup's media into MEDIA_ROOT (or `media_root`), over what is there; returns the files."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    if not manifest["media"]:
        return []
    media_root = Path(media_root or settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    restored = []
    with tarfile.open(folder / "media.tar.gz", "r:gz") as tar:
        for member in tar.getmembers():
            relative = Path(member.name).relative_to("media") if member.name != "media" else None
            if relative is None:
                continue
            member.name = str(relative)
            tar.extract(member, media_root, filter="data")  # "data": no absolute paths, links out or devices
            if member.isfile():
                restored.append(str(relative))
    return sorted(restored)
