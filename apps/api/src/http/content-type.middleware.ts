import type { NextFunction, Request, Response } from 'express';

/** A body in anything but JSON is refused with 415 before it reaches a controller. */
export function rejectNonJsonBodies(req: Request, res: Response, next: NextFunction): void {
  const hasBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'];
  if (!hasBody || req.is(['application/json', 'application/*+json'])) {
    next();
    return;
  }
  res
    .status(415)
    .type('application/problem+json')
    .json({
      type: '/problems/unsupported-media-type',
      title: 'Fel innehållstyp',
      status: 415,
      detail: 'Request bodies must be application/json',
      instance: req.originalUrl.split('?')[0],
      errors: [{ field: 'header.Content-Type', reason: 'must be application/json' }],
    });
}
