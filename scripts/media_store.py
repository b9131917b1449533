#!/usr/bin/env python
"""Copy the site's media between the object store and a folder, for scripts/backup.sh and
scripts/restore.sh (boto3 only: no Django settings needed).

    media_store.py download FOLDER   every object of the bucket into FOLDER (its key as path)
    media_store.py upload FOLDER     every file under FOLDER into the bucket, private; refuses a
                                     bucket that holds anything (restore into empty services)

The bucket and the server come from the site's own environment: AWS_STORAGE_BUCKET_NAME,
AWS_S3_ENDPOINT_URL (unset: AWS itself), AWS_S3_REGION_NAME and the credentials boto3 finds
(AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the machine's role). Prints one line: how many
objects and bytes.
"""

import os
import sys
from pathlib import Path

import boto3
from botocore.exceptions import ClientError


def bucket():
    name = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if not name:
        sys.exit("AWS_STORAGE_BUCKET_NAME is not set")
    s3 = boto3.resource(
        "s3",
        endpoint_url=os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        region_name=os.environ.get("AWS_S3_REGION_NAME") or None,
    )
    return s3.Bucket(name)


def download(folder):
    folder.mkdir(parents=True, exist_ok=True)
    count = size = 0
    for summary in bucket().objects.all():
        target = folder / summary.key
        if folder.resolve() not in target.resolve().parents:
            sys.exit(f"refused: object key {summary.key!r} leads outside {folder}")
        target.parent.mkdir(parents=True, exist_ok=True)
        summary.Object().download_file(str(target))
        count += 1
        size += summary.size
    print(f"downloaded {count} objects, {size} bytes")


def upload(folder):
    store = bucket()
    try:
        store.meta.client.head_bucket(Bucket=store.name)
    except ClientError:
        store.create()
    if any(True for _ in store.objects.limit(1)):
        sys.exit(f"refused: bucket {store.name} is not empty (restore goes into empty storage)")
    count = size = 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        key = path.relative_to(folder).as_posix()
        store.upload_file(str(path), key, ExtraArgs={"ACL": "private"})
        count += 1
        size += path.stat().st_size
    print(f"uploaded {count} objects, {size} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("download", "upload"):
        sys.exit(__doc__)
    {"download": download, "upload": upload}[sys.argv[1]](Path(sys.argv[2]))
