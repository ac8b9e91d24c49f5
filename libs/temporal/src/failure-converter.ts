import { DefaultFailureConverter } from '@temporalio/common';

/**
 * Failures with their message and stack trace moved into encoded attributes, which the
 * payload codec encrypts: a database error or a validation message can quote what a user
 * wrote. Loaded by path (DataConverter.failureConverterPath) so that the workflow bundle,
 * which converts the workflow's own failures, uses it too.
 */
export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
