import type { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { type ObjectStore, ObjectNotFoundError, assertSafeKey } from './types';

export interface S3StoreOptions {
  /** Unset: AWS itself. */
  endpoint?: string | undefined;
  region: string;
  bucket: string;
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
  forcePathStyle: boolean;
  /** Bytes per multipart part (S3's minimum is 5 MiB); also the most one upload holds in memory. */
  partBytes?: number;
}

const MIB = 1024 * 1024;

/**
 * Objects in an S3-compatible bucket. A body of unknown length is sent as a single PUT when it
 * fits in one part, otherwise as a multipart upload part by part (at most `partBytes` buffered),
 * aborted on any failure so nothing remains.
 */
export function createS3Store(options: S3StoreOptions): ObjectStore {
  const partBytes = Math.max(options.partBytes ?? 8 * MIB, 5 * MIB);
  const client = new S3Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    forcePathStyle: options.forcePathStyle,
    // S3-compatible servers do not all know the newer default checksums: send them when required only.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const Bucket = options.bucket;

  return {
    kind: 's3',
    async put(key, body: Readable, meta) {
      assertSafeKey(key);
      const Key = key;
      let uploadId: string | undefined;
      const parts: { ETag: string; PartNumber: number }[] = [];
      let pending: Buffer[] = [];
      let pendingBytes = 0;

      const sendPart = async (part: Buffer) => {
        uploadId ??= (
          await client.send(new CreateMultipartUploadCommand({ Bucket, Key, ContentType: meta.contentType }))
        ).UploadId;
        const PartNumber = parts.length + 1;
        const res = await client.send(
          new UploadPartCommand({
            Bucket,
            Key,
            UploadId: uploadId,
            PartNumber,
            Body: part,
            ContentLength: part.length,
          }),
        );
        parts.push({ ETag: res.ETag!, PartNumber });
      };

      try {
        for await (const chunk of body) {
          const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
          pending.push(buf);
          pendingBytes += buf.length;
          while (pendingBytes >= partBytes) {
            const all = Buffer.concat(pending, pendingBytes);
            await sendPart(all.subarray(0, partBytes));
            const rest = all.subarray(partBytes);
            pending = rest.length > 0 ? [rest] : [];
            pendingBytes = rest.length;
          }
        }
        const last = Buffer.concat(pending, pendingBytes);
        if (uploadId === undefined) {
          await client.send(
            new PutObjectCommand({
              Bucket,
              Key,
              Body: last,
              ContentLength: last.length,
              ContentType: meta.contentType,
            }),
          );
          return;
        }
        if (last.length > 0) await sendPart(last);
        await client.send(
          new CompleteMultipartUploadCommand({
            Bucket,
            Key,
            UploadId: uploadId,
            MultipartUpload: { Parts: parts },
          }),
        );
      } catch (err) {
        if (uploadId !== undefined) {
          await client
            .send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId: uploadId }))
            .catch(() => undefined);
        }
        throw err;
      }
    },
    async get(key) {
      assertSafeKey(key);
      try {
        const res = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return res.Body as Readable;
      } catch (err) {
        if (
          err instanceof NoSuchKey ||
          (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404)
        ) {
          throw new ObjectNotFoundError(key);
        }
        throw err;
      }
    },
    async delete(key) {
      assertSafeKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
  };
}
