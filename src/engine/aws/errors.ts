/**
 * AWS errors: the exception name as `code` (ClientException, InvalidParameterException,
 * RepositoryNotFoundException, ...) and a message a person can act on. Actions throw AwsError;
 * the dispatcher turns it into `{ error: { code, message } }`. Anything else thrown is a bug in the
 * simulator and is reported as InternalFailure, never swallowed.
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

export const clientException = (message: string) => new AwsError('ClientException', message);
export const invalidParameter = (message: string) => new AwsError('InvalidParameterException', message);
